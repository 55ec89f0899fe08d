// TEMPORARY stub (replaced by the demo data helper)
export type StageCode = 'CREATION' | 'DEVELOPMENT' | 'CONSOLIDATION';
export type LegalFormCode = string;
export type PartnerKindCode = 'FUNDER' | 'EXPERT' | 'TECHNICAL_PARTNER' | 'SSE_REPRESENTATIVE' | 'HOST';
export type FundingSchemeKindCode = 'GRANT' | 'LOAN' | 'HONOUR_LOAN' | 'GUARANTEE' | 'EQUITY' | 'SUPPORT_PROGRAMME';
export interface CriteriaSeed { label: string; sectorCodes: string[]; stages: StageCode[]; legalForms: LegalFormCode[]; minAmount: number | null; maxAmount: number | null; wholeTerritory: boolean; communeNames: string[] }
export interface FundingSchemeSeed { name: string; kind: FundingSchemeKindCode; description: string; eligibility: string; minAmount: number | null; maxAmount: number | null; stages: StageCode[] }
export interface PartnerSeed { slug: string; name: string; shortName: string | null; kind: PartnerKindCode; description: string; website: string | null; email: string | null; technicalCommittee: boolean; steeringBoard: boolean; constraints: string[]; needs: string[]; contributions: string[]; criteria: CriteriaSeed[]; fundingSchemes: FundingSchemeSeed[] }
const p = (slug: string, name: string, kind: PartnerKindCode, criteria: CriteriaSeed[] = [], fundingSchemes: FundingSchemeSeed[] = []): PartnerSeed => ({ slug, name, shortName: null, kind, description: '', website: null, email: null, technicalCommittee: true, steeringBoard: false, constraints: [], needs: [], contributions: [], criteria, fundingSchemes });
const all: CriteriaSeed = { label: 'Tout', sectorCodes: [], stages: [], legalForms: [], minAmount: null, maxAmount: null, wholeTerritory: true, communeNames: [] };
export const DEMO_PARTNERS: PartnerSeed[] = [
  p('conseil-regional', 'Conseil Régional', 'FUNDER', [all], [{ name: 'Prêt test', kind: 'LOAN', description: '', eligibility: '', minAmount: 1000, maxAmount: 50000, stages: [] }]),
  p('apes', 'APES', 'EXPERT', [all]), p('direccte', 'Direccte', 'FUNDER', [all]), p('inseraction-62', 'Inséraction 62', 'EXPERT', [all]),
  p('uriae', 'URIAE', 'EXPERT', [all]), p('cress', 'CRESS', 'EXPERT', [all]), p('urscop', 'URSCOP', 'EXPERT', [{ ...all, legalForms: ['SCOP', 'SCIC'] }]),
  p('chantier-ecole', 'Chantier École', 'EXPERT', [all]), p('cigales', 'Association des Cigales', 'FUNDER', [all]), p('nef', 'NEF', 'FUNDER', [all]),
  p('autonomie-solidarite', 'Autonomie et Solidarité', 'FUNDER', [all]), p('caisse-solidaire', 'La Caisse Solidaire', 'FUNDER', [all]),
  p('boulogne-developpement', 'Boulogne Développement', 'TECHNICAL_PARTNER', [all]), p('mef', "Maison de l'Emploi et de la Formation du Boulonnais", 'HOST'),
];
export function generatePartners(o: { count: number }): PartnerSeed[] {
  return Array.from({ length: o.count }, (_, i) => DEMO_PARTNERS[i] ?? p(`partenaire-${i}`, `Partenaire ${i}`, 'EXPERT', [all]));
}
