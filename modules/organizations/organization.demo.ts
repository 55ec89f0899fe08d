import { randomUUID } from 'node:crypto';
import { TerritoryService } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { ConsentMethod } from './organization-consent.enums.js';
import { DEMO_EMPLOYER_COUNT, DEMO_ORGANIZATION_COUNT, DEMO_SEED, generateOrganizations } from './demo/organizations.generator.js';
import { AccreditationKind, LegalForm, type Stage } from './organization.enums.js';
import { Accreditation } from './accreditation.entity.js';
import { type DemoContext, refreshStatistics, searchKey } from '../../server/kit/index.js';

const BATCH = 1000;

/** About 690 organizations, 316 of them employers (the CAB's 2007 figures), deterministic from a seed. */
export async function seedOrganizations({ em, scale, logger }: DemoContext): Promise<void> {
  if ((await em.count(Organization, {})) > 0) return;
  const communes = await TerritoryService.communesByName(em);
  const sectorCodes = await SectorService.allCodes(em);
  const seeds = generateOrganizations({
    count: scale?.organizations ?? DEMO_ORGANIZATION_COUNT,
    employers: scale?.employers ?? DEMO_EMPLOYER_COUNT,
    seed: DEMO_SEED,
    communes: [...communes.keys()],
    sectorCodes,
  });
  const now = new Date();
  for (let i = 0; i < seeds.length; i += BATCH) {
    const organizations: Record<string, unknown>[] = [];
    const contacts: Record<string, unknown>[] = [];
    const consents: Record<string, unknown>[] = [];
    const accreditations: Record<string, unknown>[] = [];
    for (const s of seeds.slice(i, i + BATCH)) {
      const id = randomUUID();
      const siae = s.legalForm.startsWith('SIAE_') ? (s.legalForm as AccreditationKind) : null;
      const legalForm = siae ? (siae === AccreditationKind.SIAE_EI || siae === AccreditationKind.SIAE_ETTI ? LegalForm.SARL : LegalForm.ASSOCIATION) : s.legalForm === 'MUTUAL' ? LegalForm.MUTUAL_HEALTH : (s.legalForm as LegalForm);
      const sector = s.sectorCode === 'insertion' ? 'action-sociale-sante' : s.sectorCode;
      const since = `${Math.max(s.foundedYear ?? 2010, 2015)}-01-01`;
      if (siae) accreditations.push({ id: randomUUID(), organization: id, kind: siae, since });
      else if (s.esus) accreditations.push({ id: randomUUID(), organization: id, kind: AccreditationKind.ESUS, since });
      organizations.push({
        id,
        name: s.name,
        searchText: searchKey(`${s.name} ${s.description}`),
        legalForm,
        siret: s.siret,
        sector,
        sectorCodes: [sector],
        commune: communes.get(s.communeName)!.id,
        employees: s.employees,
        foundedYear: s.foundedYear,
        stage: s.stage as Stage,
        description: s.description,
        email: s.email,
        phone: s.phone,
        website: s.website,
        consentToShare: s.consentToShare,
        consentRecordedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      for (const c of s.contacts) contacts.push({ id: randomUUID(), organization: id, ...c, createdAt: now });
      // Consent is recorded in a history: the demo's consenting organizations signed an agreement.
      if (s.consentToShare) {
        consents.push({
          id: randomUUID(),
          organization: id,
          given: true,
          method: ConsentMethod.SIGNED_AGREEMENT,
          obtainedOn: now.toISOString().slice(0, 10),
          note: 'Données de démonstration.',
          recordedAt: now,
        });
      }
    }
    await em.insertMany(Organization, organizations as never[]);
    await em.insertMany(OrganizationContact, contacts as never[]);
    if (consents.length > 0) await em.insertMany(OrganizationConsent, consents as never[]);
    if (accreditations.length > 0) await em.insertMany(Accreditation, accreditations as never[]);
  }
  // As PostgreSQL advises after populating a database: statistics now, not when autovacuum gets to it,
  // or the first requests are planned for empty tables (a sequential scan of every contact).
  await refreshStatistics(em, [Organization, OrganizationContact, OrganizationConsent, Accreditation]);
  logger.info({ organizations: seeds.length }, 'demo organizations loaded');
}
