import { randomUUID } from 'node:crypto';
import { TerritoryService } from '../territory/index.js';
import { SectorService } from '../sectors/index.js';
import { recordDemoDataDate } from '../platform/index.js';
import { Organization } from './organization.entity.js';
import { OrganizationContact } from './organization-contact.entity.js';
import { OrganizationConsent } from './organization-consent.entity.js';
import { Accreditation } from './accreditation.entity.js';
import { OrganizationFigures } from './organization-figures.entity.js';
import { ConsentMethod } from './organization-consent.enums.js';
import { DEMO_DATA_DATE, DEMO_ORGANIZATION_COUNT, DEMO_SEED, generateOrganizations } from './demo/organizations.generator.js';
import { type DemoContext, refreshStatistics, searchKey } from '../../server/kit/index.js';

const BATCH = 1000;
/** Demo consents are kept three years after they were given, as the platform's charter says. */
const RETENTION_YEARS = 3;

/**
 * About 1,540 organizations, one per SSE establishment of the perimeter on DEMO_DATA_DATE (the CAB's
 * 1,300 and the CCDS's share) plus project holders, with their accreditations and two years of figures;
 * deterministic from a seed.
 */
export async function seedOrganizations({ em, scale, logger }: DemoContext): Promise<void> {
  if ((await em.count(Organization, {})) > 0) return;
  const communes = await TerritoryService.communesByName(em);
  const sectorCodes = await SectorService.allCodes(em);
  const seeds = generateOrganizations({
    count: scale?.organizations ?? DEMO_ORGANIZATION_COUNT,
    employers: scale?.employers,
    seed: DEMO_SEED,
    communes: [...communes.keys()],
    sectorCodes,
    priorityDistricts: Object.fromEntries([...communes].map(([name, commune]) => [name, commune.priorityDistricts])),
  });
  const now = new Date();
  const retainUntil = `${Number(DEMO_DATA_DATE.slice(0, 4)) + RETENTION_YEARS}${DEMO_DATA_DATE.slice(4)}`;
  for (let i = 0; i < seeds.length; i += BATCH) {
    const organizations: Record<string, unknown>[] = [];
    const contacts: Record<string, unknown>[] = [];
    const consents: Record<string, unknown>[] = [];
    const accreditations: Record<string, unknown>[] = [];
    const figures: Record<string, unknown>[] = [];
    for (const s of seeds.slice(i, i + BATCH)) {
      const id = randomUUID();
      organizations.push({
        id,
        name: s.name,
        searchText: searchKey(`${s.name} ${s.description}`),
        legalForm: s.legalForm,
        siret: s.siret,
        headOffice: s.headOffice,
        nafCode: s.nafCode,
        rna: s.rna,
        sector: s.sectorCode,
        sectorCodes: s.sectorCodes,
        commune: communes.get(s.communeName)!.id,
        address: s.address,
        postalCode: s.postalCode,
        priorityDistrict: s.priorityDistrict,
        employees: s.employees,
        foundedYear: s.foundedYear,
        creationDate: s.creationDate,
        stage: s.stage,
        publics: s.publics,
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
      for (const a of s.accreditations) accreditations.push({ id: randomUUID(), organization: id, ...a });
      for (const f of s.figures) figures.push({ id: randomUUID(), organization: id, ...f });
      // Consent is recorded in a history: the demo's consenting organizations signed an agreement.
      if (s.consentToShare) {
        consents.push({
          id: randomUUID(),
          organization: id,
          given: true,
          method: ConsentMethod.SIGNED_AGREEMENT,
          obtainedOn: DEMO_DATA_DATE,
          retainUntil,
          note: 'Données de démonstration.',
          recordedAt: now,
        });
      }
    }
    await em.insertMany(Organization, organizations as never[]);
    await em.insertMany(OrganizationContact, contacts as never[]);
    if (accreditations.length > 0) await em.insertMany(Accreditation, accreditations as never[]);
    if (figures.length > 0) await em.insertMany(OrganizationFigures, figures as never[]);
    if (consents.length > 0) await em.insertMany(OrganizationConsent, consents as never[]);
  }
  // As PostgreSQL advises after populating a database: statistics now, not when autovacuum gets to it,
  // or the first requests are planned for empty tables (a sequential scan of every contact).
  await refreshStatistics(em, [Organization, OrganizationContact, OrganizationConsent, Accreditation, OrganizationFigures]);
  await recordDemoDataDate(em, DEMO_DATA_DATE);
  logger.info({ organizations: seeds.length, describes: DEMO_DATA_DATE }, 'demo organizations loaded');
}
