import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { startTestApp, TOKENS, type TestApp } from './harness.js';
import { databaseDigest, personWithToken } from './people.js';
import { DEFAULT_GRID } from '../modules/interview-grids/index.js';
import { todayInFrance } from '../server/kit/index.js';

/*
 * Who may call every mutation of the schema. The list of mutations comes from the built schema: a new
 * mutation without its row here fails the first test. Each call runs on a fresh target prepared by an
 * administrator; a refused call must answer its code and leave every table as it was, an accepted one
 * must answer without error and change something.
 *
 * The target partner is the Conseil Régional, managed by the demo funder ("own manager"); the "other
 * manager" manages the APES, where the demo expert is a member; the "loner" is signed in and belongs to
 * no partner.
 */

const VIEWERS = ['anonymous', 'loner', 'member', 'otherManager', 'ownManager', 'admin'] as const;
type ViewerKey = (typeof VIEWERS)[number];
type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT';

interface Case {
  /** What this row checks, beyond the mutation's name. */
  name: string;
  document: string;
  /** Variables for one call on a fresh target. */
  prepare: () => Promise<Record<string, unknown>>;
  expect: Record<ViewerKey, Outcome>;
}

let t: TestApp;
const tokens = {} as Record<ViewerKey, string | null>;
let partnerId: string; // the target partner (Conseil Régional)
let communeId: string;
let funderPersonId: string;
let n = 0;
const unique = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

beforeAll(async () => {
  // A directory of 300 (the matrix creates its own records): the database digest around every call stays small.
  t = await startTestApp({ demoScale: { organizations: 300 } });
  tokens.anonymous = null;
  tokens.loner = (await personWithToken(t, { name: 'Louise Seule' })).token;
  tokens.member = TOKENS.expert;
  tokens.otherManager = (await personWithToken(t, { name: 'Olivier Autregestionnaire', membership: { partnerSlug: 'apes', role: 'MANAGER' } })).token;
  tokens.ownManager = TOKENS.funder;
  tokens.admin = TOKENS.admin;
  const funder = await t.gql('{ viewer { person { id memberships { partner { id } } } } }', {}, TOKENS.funder);
  funderPersonId = funder.data.viewer.person.id;
  partnerId = funder.data.viewer.person.memberships[0].partner.id;
  communeId = (await t.gql('{ communes(first: 1) { edges { node { id } } } }')).data.communes.edges[0].node.id;
});
afterAll(async () => t?.close());

/** Runs `document` as the administrator and returns its data, failing on any error. */
async function asAdmin(document: string, variables: Record<string, unknown> = {}): Promise<any> {
  const res = await t.gql(document, variables, TOKENS.admin);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function organization(consent: boolean): Promise<string> {
  const data = await asAdmin('mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }', {
    input: {
      name: `Structure ${unique()}`,
      legalForm: 'ASSOCIATION',
      sector: 'recyclage-reemploi',
      communeId,
      stage: 'CREATION',
      contacts: [{ firstName: 'Anne', lastName: 'Contact' }],
      ...(consent ? { consent: { given: true, method: 'WRITTEN_FORM', obtainedOn: '2026-11-01' } } : {}),
    },
  });
  return data.createOrganization.id;
}

async function contactOf(consent: boolean): Promise<string> {
  const id = await organization(consent);
  const data = await asAdmin('mutation($id: ID!) { addOrganizationContact(organizationId: $id, input: { firstName: "Béa", lastName: "Retrait" }) { id } }', { id });
  return data.addOrganizationContact.id;
}

async function newPerson(): Promise<string> {
  return (await asAdmin('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', { input: { name: `Personne ${unique()}`, email: `p.${unique()}@example.org` } })).createPerson
    .id;
}

/** A draft interview of the target partner (started by an administrator), all required answers given when `full`. */
async function interviewOf(consent: boolean, full = false): Promise<{ id: string; version: number }> {
  const started = (
    await asAdmin('mutation($input: StartInterviewInput!) { startInterview(input: $input) { id version } }', { input: { organizationId: await organization(consent), partnerId, date: '2026-02-01' } })
  ).startInterview;
  if (!full) return started;
  const answers = DEFAULT_GRID.questions
    .filter((q) => q.required)
    .map((q) => ({ questionCode: q.code, value: q.type === 'yesPartlyNo' ? 'no' : q.type === 'singleChoice' ? q.options![0]!.code : q.type === 'scale0to4' ? 2 : q.type === 'percentage' ? 30 : 4 }));
  const saved = await asAdmin('mutation($input: SaveAnswersInput!) { saveAnswers(input: $input) { id version } }', { input: { interviewId: started.id, expectedVersion: started.version, answers } });
  return saved.saveAnswers;
}

/** Publishes every draft grid version, so that the next version may be created. */
async function publishDrafts(): Promise<void> {
  const versions = await asAdmin('{ gridVersions(first: 100) { edges { node { id status } } } }');
  for (const e of versions.gridVersions.edges) if (e.node.status === 'DRAFT') await asAdmin('mutation($id: ID!) { publishGridVersion(id: $id) { id } }', { id: e.node.id });
}

/** A draft grid version (the next version of the default grid). */
async function aDraft(): Promise<string> {
  await publishDrafts();
  const latest = (await asAdmin('{ gridVersion { id } }')).gridVersion.id;
  return (await asAdmin('mutation($input: CreateGridVersionInput!) { createGridVersion(input: $input) { id } }', { input: { fromGridVersionId: latest } })).createGridVersion.id;
}

const ANYONE_SIGNED_IN: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'OK', member: 'OK', otherManager: 'OK', ownManager: 'OK', admin: 'OK' };
const PARTNERS_PEOPLE: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'FORBIDDEN', member: 'OK', otherManager: 'OK', ownManager: 'OK', admin: 'OK' };
const MANAGERS: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'FORBIDDEN', member: 'FORBIDDEN', otherManager: 'OK', ownManager: 'OK', admin: 'OK' };
const OWN_MANAGER: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'FORBIDDEN', member: 'FORBIDDEN', otherManager: 'FORBIDDEN', ownManager: 'OK', admin: 'OK' };
const ADMIN: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'FORBIDDEN', member: 'FORBIDDEN', otherManager: 'FORBIDDEN', ownManager: 'FORBIDDEN', admin: 'OK' };
/** Administrators; those with the right who may not see the record find nothing (as `node(id)` answers null). */
/** The target partner's people on a record the others' rule hides (a non-consenting organization's interview): APES people find nothing. */
const OWN_PARTNER_ON_HIDDEN: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'FORBIDDEN', member: 'FORBIDDEN', otherManager: 'NOT_FOUND', ownManager: 'OK', admin: 'OK' };
const ADMIN_OTHERS_NOT_FOUND: Record<ViewerKey, Outcome> = { ...ADMIN, member: 'NOT_FOUND', otherManager: 'NOT_FOUND', ownManager: 'NOT_FOUND' };

/** A support request received by the target partner (the Conseil Régional), shared by its holder or not. */
async function supportRequest(consent: boolean): Promise<string> {
  const data = await asAdmin('mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }', {
    input: {
      title: `Projet ${unique()}`,
      holderName: 'Porteur Test',
      receivingPartnerId: partnerId,
      intakeChannel: 'PARTNER_OFFICE',
      stage: 'CREATION',
      technicalNeed: true,
      sector: 'recyclage-reemploi',
      communeId,
      consentToShare: consent,
    },
  });
  return data.receiveSupportRequest.id;
}

/** A shared request moved under review (every step by an administrator). */
async function requestUnderReview(): Promise<string> {
  const id = await supportRequest(true);
  for (const status of ['QUALIFIED', 'SCHEDULED', 'UNDER_REVIEW'])
    await asAdmin('mutation($id: ID!, $s: SupportStatus!) { changeSupportRequestStatus(id: $id, status: $s) { id } }', { id, s: status });
  return id;
}

/** Its receiving partner's people and administrators; others, who may not see it, find nothing. */
const RECEIVER: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'FORBIDDEN', member: 'NOT_FOUND', otherManager: 'NOT_FOUND', ownManager: 'OK', admin: 'OK' };

/** A document an administrator attached to a support request of the target partner (sent over HTTP, as portals do). */
async function supportDocument(consent: boolean): Promise<string> {
  const requestId = await supportRequest(consent);
  const res = await fetch(`${t.url.replace(/\/graphql$/, '')}/files/support/requests/${encodeURIComponent(requestId)}/documents?kind=STATUTES&name=statuts.pdf`, {
    method: 'POST',
    headers: { 'content-type': 'application/pdf', authorization: `Bearer ${TOKENS.admin}` },
    body: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { document: { id: string } }).document.id;
}

/** A qualified request of the target partner and a partner it did not ask yet (for `inviteToPosition`). */
async function invitable(consent: boolean): Promise<{ id: string; p: string }> {
  const id = await supportRequest(consent);
  await asAdmin('mutation($id: ID!) { qualifySupportRequest(id: $id) { id } }', { id });
  const asked = (await asAdmin('query($id: ID!) { supportRequest(id: $id) { invitations { partner { id } } } }', { id })).supportRequest.invitations.map((i: any) => i.partner.id);
  const partners = (await asAdmin('{ partners(first: 100) { edges { node { id } } } }')).partners.edges.map((e: any) => e.node.id) as string[];
  return { id, p: partners.find((p) => !asked.includes(p))! };
}

/** The APES (the member's and the other manager's partner). */
async function apesId(): Promise<string> {
  const res = await asAdmin('{ partners(first: 100) { edges { node { id slug } } } }');
  return res.partners.edges.find((e: any) => e.node.slug === 'apes').node.id;
}

/**
 * A fresh body chaired by the target partner (its manager, the funder, is named), with the APES as a
 * voting member, quorum 1; and, as asked, a session of it: APES present, one item, opened, the item
 * started, suspended.
 */
async function aBody(rules: { adoptsCharter?: boolean } = {}): Promise<{ bodyId: string; apes: string }> {
  const input = { kind: 'TECHNICAL_COMMITTEE', name: `Instance ${unique()}`, quorum: 1, decisionMode: 'CONSENSUS', majority: 'SIMPLE', rhythm: 'mensuel', meetingMode: 'IN_PERSON', ...rules };
  const bodyId = (await asAdmin('mutation($input: CreateGovernanceBodyInput!) { createGovernanceBody(input: $input) { id } }', { input })).createGovernanceBody.id;
  const SEAT = 'mutation($input: BodyMemberInput!) { setBodyMember(input: $input) { id } }';
  await asAdmin(SEAT, { input: { bodyId, partnerId, personId: funderPersonId, role: 'CHAIR' } });
  const apes = await apesId();
  await asAdmin(SEAT, { input: { bodyId, partnerId: apes, role: 'MEMBER' } });
  return { bodyId, apes };
}

async function aSession(steps: { open?: boolean; start?: boolean; suspend?: boolean } = {}): Promise<{ sessionId: string; itemId: string; apes: string }> {
  const { bodyId, apes } = await aBody();
  const sessionId = (await asAdmin('mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }', { input: { bodyId, title: 'Séance', scheduledAt: '2027-01-14T09:30:00Z' } }))
    .scheduleSession.id;
  await asAdmin('mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { sessionId, partnerId: apes, status: 'PRESENT' } });
  const itemId = (await asAdmin('mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }', { input: { sessionId, kind: 'OTHER', title: 'Point divers' } })).addAgendaItem.id;
  if (steps.open) await asAdmin('mutation($id: ID!) { openSession(id: $id) { id } }', { id: sessionId });
  if (steps.start) await asAdmin('mutation($id: ID!) { startAgendaItem(itemId: $id) { id } }', { id: itemId });
  if (steps.suspend) await asAdmin('mutation($id: ID!) { suspendSession(id: $id) { id } }', { id: sessionId });
  return { sessionId, itemId, apes };
}

/** A vote is cast for one's own partner (here the APES: its member and its manager), or by administrators. */
const APES_PEOPLE: Record<ViewerKey, Outcome> = { anonymous: 'UNAUTHENTICATED', loner: 'FORBIDDEN', member: 'OK', otherManager: 'OK', ownManager: 'FORBIDDEN', admin: 'OK' };

/**
 * A decision on the charter by a body the target partner chairs: one whose rule lets it adopt the charter
 * (`adoptsCharter`), or (`adopts: false`) one that may not, as a technical committee by default.
 */
const charterDecision = async (adopts = true) => ({ bodyId: (await aBody({ adoptsCharter: adopts })).bodyId, decidedOn: todayInFrance(), reference: `D-${unique()}` });

/** Its chair and administrators run the body, but its rule refuses the charter to everyone (CONFLICT, after the rights). */
const BODY_DOES_NOT_ADOPT: Record<ViewerKey, Outcome> = { ...OWN_MANAGER, ownManager: 'CONFLICT', admin: 'CONFLICT' };

/** An amendment of the charter proposed by an administrator for the target partner. */
async function charterAmendment(): Promise<string> {
  const input = {
    partnerId,
    title: `Amendement ${unique()}`,
    rationale: 'Une ligne de la matrice.',
    changes: [{ kind: 'REPLACE', articleNumber: 1, title: 'Objet', text: `Objet révisé ${unique()}.` }],
  };
  return (await asAdmin('mutation($input: ProposeCharterAmendmentInput!) { proposeCharterAmendment(input: $input) { id } }', { input })).proposeCharterAmendment.id;
}

/** A new current version of the charter (an amendment adopted), which the target partner has not signed. */
async function newCharterVersion(): Promise<void> {
  await asAdmin('mutation($id: ID!, $d: CharterDecisionInput!) { adoptCharterAmendment(id: $id, decision: $d) { id } }', { id: await charterAmendment(), d: await charterDecision() });
}

const CASES: Record<string, Case[]> = {
  createApiToken: [
    {
      name: 'for oneself',
      document: 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
      prepare: async () => ({ input: { name: `Jeton ${unique()}` } }),
      expect: ANYONE_SIGNED_IN,
    },
  ],
  revokeApiToken: [
    {
      name: "the own manager's token: its holder and administrators",
      document: 'mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }',
      prepare: async () => {
        const res = await t.gql('mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { apiToken { id } } }', { input: { name: `À révoquer ${unique()}` } }, TOKENS.funder);
        return { id: res.data.createApiToken.apiToken.id };
      },
      expect: { anonymous: 'UNAUTHENTICATED', loner: 'NOT_FOUND', member: 'NOT_FOUND', otherManager: 'NOT_FOUND', ownManager: 'OK', admin: 'OK' },
    },
  ],
  issueApiToken: [
    {
      name: 'for another person: administrators only',
      document: 'mutation($p: ID!, $input: CreateApiTokenInput!) { issueApiToken(personId: $p, input: $input) { token } }',
      prepare: async () => ({ p: await newPerson(), input: { name: `Jeton remis ${unique()}` } }),
      expect: ADMIN,
    },
  ],
  createPerson: [
    {
      name: 'administrators only',
      document: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      prepare: async () => ({ input: { name: `Personne ${unique()}`, email: `n.${unique()}@example.org` } }),
      expect: ADMIN,
    },
  ],
  setMembership: [
    {
      name: 'into the target partner: its managers',
      document: 'mutation($p: ID!, $q: ID!) { setMembership(personId: $p, partnerId: $q, role: MEMBER) { id } }',
      prepare: async () => ({ p: await newPerson(), q: partnerId }),
      expect: OWN_MANAGER,
    },
  ],
  removeMembership: [
    {
      name: 'from the target partner: its managers',
      document: 'mutation($id: ID!) { removeMembership(id: $id) }',
      prepare: async () => {
        const p = await newPerson();
        return { id: (await asAdmin('mutation($p: ID!, $q: ID!) { setMembership(personId: $p, partnerId: $q, role: MEMBER) { id } }', { p, q: partnerId })).setMembership.id };
      },
      expect: OWN_MANAGER,
    },
  ],
  createOrganization: [
    {
      name: "without the holder's consent: partners' people",
      document: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      prepare: async () => ({ input: { name: `Nouvelle ${unique()}`, legalForm: 'SCOP', sector: 'recyclage-reemploi', communeId, stage: 'CREATION' } }),
      expect: PARTNERS_PEOPLE,
    },
    {
      name: "with the holder's consent: managers and administrators",
      document: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      prepare: async () => ({
        input: { name: `Consentante ${unique()}`, legalForm: 'SCOP', sector: 'recyclage-reemploi', communeId, stage: 'CREATION', consent: { given: true, method: 'EMAIL', obtainedOn: '2026-11-03' } },
      }),
      expect: MANAGERS,
    },
  ],
  updateOrganization: [
    {
      name: "partners' people",
      document: 'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }',
      prepare: async () => ({ id: await organization(false), input: { employees: 7 } }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  addAccreditation: [
    {
      name: "partners' people",
      document: 'mutation($id: ID!) { addAccreditation(organizationId: $id, input: { kind: ESUS, since: "2021-01-01" }) { id } }',
      prepare: async () => ({ id: await organization(false) }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  removeAccreditation: [
    {
      name: "partners' people",
      document: 'mutation($id: ID!) { removeAccreditation(id: $id) }',
      prepare: async () => ({
        id: (await asAdmin('mutation($id: ID!) { addAccreditation(organizationId: $id, input: { kind: ESUS, since: "2021-01-01" }) { id } }', { id: await organization(false) })).addAccreditation.id,
      }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  setOrganizationFigures: [
    {
      name: "partners' people",
      document: 'mutation($id: ID!) { setOrganizationFigures(organizationId: $id, input: { year: 2025, headcount: 3, fte: 2.5 }) { id } }',
      prepare: async () => ({ id: await organization(false) }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  addOrganizationContact: [
    {
      name: 'to a consenting organization',
      document: 'mutation($id: ID!) { addOrganizationContact(organizationId: $id, input: { firstName: "Zoé", lastName: "Ajout" }) { id } }',
      prepare: async () => ({ id: await organization(true) }),
      expect: PARTNERS_PEOPLE,
    },
    {
      name: 'to a non-consenting organization: administrators only',
      document: 'mutation($id: ID!) { addOrganizationContact(organizationId: $id, input: { firstName: "Zoé", lastName: "Ajout" }) { id } }',
      prepare: async () => ({ id: await organization(false) }),
      expect: ADMIN,
    },
  ],
  removeOrganizationContact: [
    { name: 'of a consenting organization', document: 'mutation($id: ID!) { removeOrganizationContact(id: $id) }', prepare: async () => ({ id: await contactOf(true) }), expect: PARTNERS_PEOPLE },
    {
      name: 'of a non-consenting organization: administrators only',
      document: 'mutation($id: ID!) { removeOrganizationContact(id: $id) }',
      prepare: async () => ({ id: await contactOf(false) }),
      expect: ADMIN_OTHERS_NOT_FOUND,
    },
  ],
  recordOrganizationConsent: [
    {
      name: "the holder's consent: managers and administrators",
      document: 'mutation($id: ID!, $input: ConsentInput!) { recordOrganizationConsent(organizationId: $id, input: $input) { id } }',
      prepare: async () => ({ id: await organization(false), input: { given: true, method: 'SIGNED_AGREEMENT', obtainedOn: '2026-11-04' } }),
      expect: MANAGERS,
    },
  ],
  importOrganizations: [
    {
      name: "a spreadsheet of organizations: partners' managers and administrators",
      document: 'mutation($input: ImportOrganizationsInput!) { importOrganizations(input: $input) { created written } }',
      prepare: async () => {
        const csv = `Nom;Forme juridique;Filière;Commune\nImportée ${unique()};Association;Culture;Samer\n`;
        return { input: { fileName: 'structures.csv', contentBase64: Buffer.from(csv).toString('base64') } };
      },
      expect: MANAGERS,
    },
  ],
  createPartner: [
    {
      name: 'administrators only',
      document: 'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id } }',
      prepare: async () => {
        const u = unique();
        return { input: { slug: `partenaire-${u}`, name: `Partenaire ${u}`, kind: 'EXPERT' } };
      },
      expect: ADMIN,
    },
  ],
  updatePartner: [
    {
      name: 'its own managers',
      document: 'mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id } }',
      prepare: async () => ({ id: partnerId, input: { needs: [`Besoin ${unique()}`] } }),
      expect: OWN_MANAGER,
    },
    {
      name: '`active`: administrators only',
      document: 'mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id } }',
      prepare: async () => ({ id: partnerId, input: { active: true, needs: [`Besoin ${unique()}`] } }),
      expect: ADMIN,
    },
    {
      name: 'bodies: administrators only',
      document: 'mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id } }',
      prepare: async () => ({ id: partnerId, input: { technicalCommittee: true, needs: [`Besoin ${unique()}`] } }),
      expect: ADMIN,
    },
  ],
  addInterventionCriteria: [
    {
      name: 'its own managers',
      document: 'mutation($id: ID!) { addInterventionCriteria(partnerId: $id, input: { label: "Critère de test" }) { id } }',
      prepare: async () => ({ id: partnerId }),
      expect: OWN_MANAGER,
    },
  ],
  removeInterventionCriteria: [
    {
      name: 'its own managers',
      document: 'mutation($id: ID!) { removeInterventionCriteria(id: $id) }',
      prepare: async () => ({
        id: (await asAdmin('mutation($id: ID!) { addInterventionCriteria(partnerId: $id, input: { label: "À retirer" }) { id } }', { id: partnerId })).addInterventionCriteria.id,
      }),
      expect: OWN_MANAGER,
    },
  ],
  addFundingScheme: [
    {
      name: 'its own managers',
      document: 'mutation($id: ID!) { addFundingScheme(partnerId: $id, input: { name: "Dispositif de test", kind: GRANT }) { id } }',
      prepare: async () => ({ id: partnerId }),
      expect: OWN_MANAGER,
    },
  ],
  updateFundingScheme: [
    {
      name: 'its own managers',
      document: 'mutation($id: ID!, $input: FundingSchemeInput!) { updateFundingScheme(id: $id, input: $input) { id } }',
      prepare: async () => ({
        id: (await asAdmin('mutation($id: ID!) { addFundingScheme(partnerId: $id, input: { name: "À changer", kind: GRANT }) { id } }', { id: partnerId })).addFundingScheme.id,
        input: { name: `Changé ${unique()}`, kind: 'LOAN' },
      }),
      expect: OWN_MANAGER,
    },
  ],
  receiveSupportRequest: [
    {
      name: "partners' people, for their own partner",
      document: 'mutation($input: ReceiveSupportRequestInput!) { receiveSupportRequest(input: $input) { id } }',
      prepare: async () => ({
        input: { title: `Reçue ${unique()}`, holderName: 'Porteuse Test', intakeChannel: 'WEB_FORM', stage: 'CREATION', technicalNeed: true, sector: 'culture', communeId, consentToShare: false },
      }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  updateSupportRequest: [
    {
      name: 'without consent: the receiving partner only',
      document: 'mutation($id: ID!) { updateSupportRequest(id: $id, input: { description: "Complété" }) { id } }',
      prepare: async () => ({ id: await supportRequest(false) }),
      expect: RECEIVER,
    },
    {
      name: "with consent: every partner's people",
      document: 'mutation($id: ID!) { updateSupportRequest(id: $id, input: { description: "Complété" }) { id } }',
      prepare: async () => ({ id: await supportRequest(true) }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  qualifySupportRequest: [
    {
      name: 'without consent: the receiving partner only',
      document: 'mutation($id: ID!) { qualifySupportRequest(id: $id) { id } }',
      prepare: async () => ({ id: await supportRequest(false) }),
      expect: RECEIVER,
    },
  ],
  removeSupportDocument: [
    {
      name: "a shared request's document: the receiving partner's people (not the partners that only read it)",
      document: 'mutation($id: ID!) { removeSupportDocument(id: $id) }',
      prepare: async () => ({ id: await supportDocument(true) }),
      expect: { ...RECEIVER, member: 'FORBIDDEN', otherManager: 'FORBIDDEN' },
    },
    {
      name: "a document of a request kept from others: the receiving partner's people; the others find nothing",
      document: 'mutation($id: ID!) { removeSupportDocument(id: $id) }',
      prepare: async () => ({ id: await supportDocument(false) }),
      expect: RECEIVER,
    },
  ],
  recordPosition: [
    {
      name: "its own partner's position: partners' people",
      document: 'mutation($id: ID!) { recordPosition(requestId: $id, input: { kind: NEEDS_INFORMATION, comment: "Bilans 2024 ?" }) { id } }',
      prepare: async () => {
        const id = await supportRequest(true);
        await asAdmin('mutation($id: ID!) { qualifySupportRequest(id: $id) { id } }', { id });
        return { id };
      },
      expect: PARTNERS_PEOPLE,
    },
    {
      name: "the target partner's position: its own people only",
      document: 'mutation($id: ID!, $p: ID!) { recordPosition(requestId: $id, input: { partnerId: $p, kind: WILL_SUPPORT }) { id } }',
      prepare: async () => {
        const id = await supportRequest(true);
        await asAdmin('mutation($id: ID!) { qualifySupportRequest(id: $id) { id } }', { id });
        return { id, p: partnerId };
      },
      expect: OWN_MANAGER,
    },
  ],
  inviteToPosition: [
    {
      name: "a shared request: every partner's people",
      document: 'mutation($id: ID!, $p: ID!) { inviteToPosition(requestId: $id, partnerId: $p) { id } }',
      prepare: () => invitable(true),
      expect: PARTNERS_PEOPLE,
    },
    {
      name: 'a request kept by its receiver: its people; the others find nothing',
      document: 'mutation($id: ID!, $p: ID!) { inviteToPosition(requestId: $id, partnerId: $p) { id } }',
      prepare: () => invitable(false),
      expect: RECEIVER,
    },
  ],
  changeSupportRequestStatus: [
    {
      name: "with consent: every partner's people",
      document: 'mutation($id: ID!) { changeSupportRequestStatus(id: $id, status: WITHDRAWN, reason: "Retrait") { id } }',
      prepare: async () => ({ id: await supportRequest(true) }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  validateStrategy: [
    {
      name: "managers of the technical committee's partners",
      document:
        'mutation($id: ID!) { validateStrategy(requestId: $id, input: { diagnosis: "Diagnostic partagé du projet.", strategy: "Stratégie à court et moyen terme.", contactPerson: "Claire Martin" }) { id } }',
      prepare: async () => ({ id: await requestUnderReview() }),
      expect: MANAGERS,
    },
  ],
  addSupportAction: [
    {
      name: "on a shared request: partners' people",
      document: 'mutation($id: ID!, $p: ID!) { addSupportAction(requestId: $id, input: { title: "Instruire le dossier", ownerId: $p, dueOn: "2027-06-30" }) { id } }',
      prepare: async () => ({ id: await requestUnderReview(), p: partnerId }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  setSupportActionStatus: [
    {
      name: "the owner partner's people",
      document: 'mutation($id: ID!) { setSupportActionStatus(id: $id, status: DONE) { id } }',
      prepare: async () => {
        const id = await requestUnderReview();
        const action = await asAdmin('mutation($id: ID!, $p: ID!) { addSupportAction(requestId: $id, input: { title: "Instruire le dossier", ownerId: $p, dueOn: "2027-06-30" }) { id } }', {
          id,
          p: partnerId,
        });
        return { id: action.addSupportAction.id };
      },
      expect: OWN_MANAGER,
    },
  ],
  recordSupportSatisfaction: [
    {
      name: 'the receiving partner, after closing',
      document: 'mutation($id: ID!) { recordSupportSatisfaction(requestId: $id, input: { score: 5 }) { id } }',
      prepare: async () => {
        const id = await requestUnderReview();
        await asAdmin('mutation($id: ID!) { validateStrategy(requestId: $id, input: { diagnosis: "Diagnostic partagé.", strategy: "Stratégie partagée.", contactPerson: "Claire Martin" }) { id } }', {
          id,
        });
        for (const status of ['IN_FOLLOW_UP', 'CLOSED']) await asAdmin('mutation($id: ID!, $s: SupportStatus!) { changeSupportRequestStatus(id: $id, status: $s) { id } }', { id, s: status });
        return { id };
      },
      expect: OWN_MANAGER,
    },
  ],
  setCommuneZoning: [
    {
      name: 'administrators only',
      document: 'mutation($id: ID!) { setCommuneZoning(id: $id, input: { ruralRevitalisationZone: true }) { id } }',
      prepare: async () => {
        const id = (await asAdmin('{ communes(first: 1, filter: { search: "Carly" }) { edges { node { id } } } }', {})).communes.edges[0].node.id;
        await asAdmin('mutation($id: ID!) { setCommuneZoning(id: $id, input: { ruralRevitalisationZone: null }) { id } }', { id });
        return { id };
      },
      expect: ADMIN,
    },
  ],
  startInterview: [
    {
      name: "for one's own partner: partners' people",
      document: 'mutation($input: StartInterviewInput!) { startInterview(input: $input) { id } }',
      prepare: async () => ({ input: { organizationId: await organization(false), date: '2026-02-01' } }),
      expect: PARTNERS_PEOPLE,
    },
  ],
  saveAnswers: [
    {
      name: "a draft of the target partner (organization without consent): that partner's people",
      document: 'mutation($input: SaveAnswersInput!) { saveAnswers(input: $input) { id } }',
      prepare: async () => {
        const draft = await interviewOf(false);
        return { input: { interviewId: draft.id, expectedVersion: draft.version, answers: [{ questionCode: 'hr_headcount', value: 4 }] } };
      },
      expect: { ...OWN_PARTNER_ON_HIDDEN, member: 'NOT_FOUND' },
    },
  ],
  completeInterview: [
    {
      name: "a full draft of the target partner: that partner's people",
      document: 'mutation($id: ID!) { completeInterview(id: $id) { id } }',
      prepare: async () => ({ id: (await interviewOf(false, true)).id }),
      expect: { ...OWN_PARTNER_ON_HIDDEN, member: 'NOT_FOUND' },
    },
  ],
  validateInterview: [
    {
      name: "a completed interview of the target partner: that partner's managers",
      document: 'mutation($id: ID!) { validateInterview(id: $id) { id } }',
      prepare: async () => {
        const id = (await interviewOf(false, true)).id;
        await asAdmin('mutation($id: ID!) { completeInterview(id: $id) { id } }', { id });
        return { id };
      },
      expect: OWN_PARTNER_ON_HIDDEN,
    },
  ],
  setGridRules: [
    {
      name: 'administrators only',
      document: 'mutation($input: SetGridRulesInput!) { setGridRules(input: $input) { id } }',
      prepare: async () => ({
        input: { gridVersionId: (await asAdmin('{ gridVersion { id } }')).gridVersion.id, rules: DEFAULT_GRID.rules.map((r, i) => (i === 0 ? { ...r, label: `Dépendance ${unique()}` } : r)) },
      }),
      expect: ADMIN,
    },
  ],
  createGridVersion: [
    {
      name: 'administrators only',
      document: 'mutation($input: CreateGridVersionInput!) { createGridVersion(input: $input) { id } }',
      prepare: async () => {
        await publishDrafts();
        return { input: { fromGridVersionId: (await asAdmin('{ gridVersion { id } }')).gridVersion.id } };
      },
      expect: ADMIN,
    },
  ],
  updateGridVersion: [
    {
      name: 'a draft: administrators only',
      document: 'mutation($input: UpdateGridVersionInput!) { updateGridVersion(input: $input) { id } }',
      prepare: async () => ({ input: { id: await aDraft(), definition: { ...DEFAULT_GRID, title: `Grille ${unique()}` } } }),
      expect: ADMIN,
    },
  ],
  publishGridVersion: [
    {
      name: 'a draft: administrators only',
      document: 'mutation($id: ID!) { publishGridVersion(id: $id) { id } }',
      prepare: async () => ({ id: await aDraft() }),
      expect: ADMIN,
    },
  ],
  setContactPriorityWeights: [
    {
      // Managers hold radar.priorities.update, but only those of a steering board's partner may use it (neither APES nor the Conseil régional sits there).
      name: "administrators and managers of a steering board's partner",
      document: 'mutation { setContactPriorityWeights(input: { risk: 40, staleness: 25, size: 15, sector: 10, stage: 10, prioritySectorCodes: [] }) { risk } }',
      prepare: async () => ({}),
      expect: ADMIN,
    },
  ],
  createGovernanceBody: [
    {
      name: 'administrators only',
      document: 'mutation($input: CreateGovernanceBodyInput!) { createGovernanceBody(input: $input) { id } }',
      prepare: async () => ({ input: { kind: 'STEERING_BOARD', name: `Instance ${unique()}`, quorum: 2, decisionMode: 'VOTE', majority: 'SIMPLE', rhythm: 'annuel', meetingMode: 'REMOTE' } }),
      expect: ADMIN,
    },
  ],
  updateGovernanceBody: [
    {
      name: "the body's chair (the target partner's manager, named) and administrators",
      document: 'mutation($id: ID!, $input: UpdateGovernanceBodyInput!) { updateGovernanceBody(id: $id, input: $input) { id } }',
      prepare: async () => ({ id: (await aBody()).bodyId, input: { rhythm: 'trimestriel' } }),
      expect: OWN_MANAGER,
    },
    {
      name: 'whether it adopts the charter: administrators only (not even its chair)',
      document: 'mutation($id: ID!, $input: UpdateGovernanceBodyInput!) { updateGovernanceBody(id: $id, input: $input) { id } }',
      prepare: async () => ({ id: (await aBody()).bodyId, input: { adoptsCharter: true } }),
      expect: ADMIN,
    },
  ],
  setBodyMember: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($input: BodyMemberInput!) { setBodyMember(input: $input) { id } }',
      prepare: async () => {
        const { bodyId, apes } = await aBody();
        return { input: { bodyId, partnerId: apes, role: 'OBSERVER' } };
      },
      expect: OWN_MANAGER,
    },
  ],
  removeBodyMember: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($b: ID!, $p: ID!) { removeBodyMember(bodyId: $b, partnerId: $p) { id } }',
      prepare: async () => {
        const { bodyId, apes } = await aBody();
        return { b: bodyId, p: apes };
      },
      expect: OWN_MANAGER,
    },
  ],
  scheduleSession: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }',
      prepare: async () => ({ input: { bodyId: (await aBody()).bodyId, title: 'Séance', scheduledAt: '2027-02-01T09:00:00Z' } }),
      expect: OWN_MANAGER,
    },
  ],
  addAgendaItem: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id } }',
      prepare: async () => ({ input: { sessionId: (await aSession()).sessionId, kind: 'OTHER', title: 'Questions diverses' } }),
      expect: OWN_MANAGER,
    },
  ],
  recordAttendance: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }',
      prepare: async () => ({ input: { sessionId: (await aSession()).sessionId, partnerId, status: 'REMOTE' } }),
      expect: OWN_MANAGER,
    },
  ],
  openSession: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($id: ID!) { openSession(id: $id) { id } }',
      prepare: async () => ({ id: (await aSession()).sessionId }),
      expect: OWN_MANAGER,
    },
  ],
  startAgendaItem: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($id: ID!) { startAgendaItem(itemId: $id) { id } }',
      prepare: async () => ({ id: (await aSession({ open: true })).itemId }),
      expect: OWN_MANAGER,
    },
  ],
  castVote: [
    {
      name: "the voting partner's people (here the APES's) and administrators",
      document: 'mutation($input: CastVoteInput!) { castVote(input: $input) { id } }',
      prepare: async () => {
        const { itemId, apes } = await aSession({ open: true, start: true });
        return { input: { itemId, partnerId: apes, choice: 'FOR' } };
      },
      expect: APES_PEOPLE,
    },
  ],
  decideAgendaItem: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($input: DecideAgendaItemInput!) { decideAgendaItem(input: $input) { id } }',
      prepare: async () => ({ input: { itemId: (await aSession({ open: true, start: true })).itemId, mode: 'CONSENSUS', outcome: 'APPROVED' } }),
      expect: OWN_MANAGER,
    },
  ],
  suspendSession: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($id: ID!) { suspendSession(id: $id) { id } }',
      prepare: async () => ({ id: (await aSession({ open: true })).sessionId }),
      expect: OWN_MANAGER,
    },
  ],
  resumeSession: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($id: ID!) { resumeSession(id: $id) { id } }',
      prepare: async () => ({ id: (await aSession({ open: true, suspend: true })).sessionId }),
      expect: OWN_MANAGER,
    },
  ],
  closeSession: [
    {
      name: "the body's chair and administrators",
      document: 'mutation($id: ID!) { closeSession(id: $id) { id } }',
      prepare: async () => ({ id: (await aSession({ open: true })).sessionId }),
      expect: OWN_MANAGER,
    },
  ],
  createCharter: [
    {
      // The platform has one charter: each call starts without it.
      name: 'administrators only, once',
      document: 'mutation($input: CreateCharterInput!) { createCharter(input: $input) { id } }',
      prepare: async () => {
        await t.app.gateway.orm.em.fork().getConnection().execute('delete from charter');
        return { input: { title: `Charte ${unique()}`, articles: [{ title: 'Objet', text: 'L’objet de la charte de test.' }], adoption: await charterDecision() } };
      },
      expect: ADMIN,
    },
  ],
  proposeCharterAmendment: [
    {
      name: 'for the target partner: its managers',
      document: 'mutation($input: ProposeCharterAmendmentInput!) { proposeCharterAmendment(input: $input) { id } }',
      prepare: async () => ({
        input: {
          partnerId,
          title: `Amendement ${unique()}`,
          rationale: 'Proposé dans la matrice.',
          changes: [
            { kind: 'REMOVE', articleNumber: 1 },
            { kind: 'INSERT', articleNumber: 1, title: 'Objet', text: 'Un nouvel objet.' },
          ],
        },
      }),
      expect: OWN_MANAGER,
    },
  ],
  withdrawCharterAmendment: [
    {
      name: "its author (an administrator) or the partner's managers",
      document: 'mutation($id: ID!) { withdrawCharterAmendment(id: $id) { id } }',
      prepare: async () => ({ id: await charterAmendment() }),
      expect: OWN_MANAGER,
    },
  ],
  adoptCharterAmendment: [
    {
      name: "the deciding body's chair and secretary (the target partner chairs the technical committee)",
      document: 'mutation($id: ID!, $d: CharterDecisionInput!) { adoptCharterAmendment(id: $id, decision: $d) { id } }',
      prepare: async () => ({ id: await charterAmendment(), d: await charterDecision() }),
      expect: OWN_MANAGER,
    },
    {
      name: 'by a body whose rule does not adopt the charter (adoptsCharter false): nobody',
      document: 'mutation($id: ID!, $d: CharterDecisionInput!) { adoptCharterAmendment(id: $id, decision: $d) { id } }',
      prepare: async () => ({ id: await charterAmendment(), d: await charterDecision(false) }),
      expect: BODY_DOES_NOT_ADOPT,
    },
  ],
  rejectCharterAmendment: [
    {
      name: "the deciding body's chair and secretary",
      document: 'mutation($id: ID!, $d: CharterDecisionInput!) { rejectCharterAmendment(id: $id, decision: $d) { id } }',
      prepare: async () => ({ id: await charterAmendment(), d: await charterDecision() }),
      expect: OWN_MANAGER,
    },
    {
      name: 'by a body whose rule does not adopt the charter (adoptsCharter false): nobody',
      document: 'mutation($id: ID!, $d: CharterDecisionInput!) { rejectCharterAmendment(id: $id, decision: $d) { id } }',
      prepare: async () => ({ id: await charterAmendment(), d: await charterDecision(false) }),
      expect: BODY_DOES_NOT_ADOPT,
    },
  ],
  signCharter: [
    {
      name: 'for the target partner: its managers (an administrator naming the signatory)',
      document: 'mutation($input: SignCharterInput!) { signCharter(input: $input) { id } }',
      prepare: async () => (await newCharterVersion(), { input: { partnerId, signatoryId: funderPersonId } }),
      expect: OWN_MANAGER,
    },
  ],
  setReferenceDate: [
    {
      // Last of the matrix: it leaves the date fixed on 1 January 2026, which no later test reads.
      name: 'administrators only',
      document: 'mutation { setReferenceDate(date: "2026-01-01") { referenceDate } }',
      prepare: async () => (await asAdmin('mutation { setReferenceDate(date: null) { referenceDate } }', {}), {}),
      expect: ADMIN,
    },
  ],
};

describe('authorization matrix', () => {
  it('has a row for every mutation of the schema, each calling its mutation', () => {
    const mutations = Object.keys(t.app.schema.getMutationType()!.getFields()).sort();
    expect(mutations.length).toBeGreaterThan(10);
    expect(Object.keys(CASES).sort()).toEqual(mutations);
    for (const [mutation, cases] of Object.entries(CASES)) {
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const operation = parse(c.document).definitions[0] as OperationDefinitionNode;
        expect((operation.selectionSet.selections[0] as FieldNode).name.value).toBe(mutation);
      }
    }
  });

  for (const [mutation, cases] of Object.entries(CASES)) {
    for (const c of cases) {
      it(`${mutation}: ${c.name}`, async () => {
        const outcomes: Record<string, string> = {};
        for (const viewer of VIEWERS) {
          const variables = await c.prepare();
          const before = await databaseDigest(t);
          const res = await t.gql(c.document, variables, tokens[viewer]);
          const after = await databaseDigest(t);
          if (c.expect[viewer] === 'OK') {
            outcomes[viewer] = res.errors ? `error ${res.errors[0].extensions?.code}: ${res.errors[0].message}` : after === before ? 'nothing changed' : 'OK';
          } else {
            const code = res.errors?.[0]?.extensions?.code ?? 'accepted';
            outcomes[viewer] = after !== before ? `${code}, but the database changed` : res.data?.[mutation] != null ? `${code}, with data` : code;
          }
        }
        expect(outcomes).toEqual(c.expect);
      });
    }
  }
});

describe('authorization of reads', () => {
  it('grants each viewer exactly its permissions: contacts only to partners’ people, never to anyone signed in', async () => {
    const permissions: Record<string, string[]> = {};
    for (const viewer of VIEWERS) {
      permissions[viewer] = (await t.gql('{ viewer { permissions } }', {}, tokens[viewer])).data.viewer.permissions;
    }
    const everything = permissions.admin!;
    expect(everything).toContain('organizations.contacts.read');
    expect(permissions).toEqual({
      anonymous: [],
      loner: [],
      member: [
        'governance.manage',
        'governance.read',
        'governance.run',
        'governance.vote',
        'interview-grids.committee.read',
        'interview-grids.conduct',
        'interview-grids.read',
        'organizations.contacts.read',
        'organizations.create',
        'organizations.figures.read',
        'organizations.figures.write',
        'organizations.update',
        'radar.priorities.read',
        'radar.read',
        'support.position',
        'support.read',
        'support.receive',
        'support.update',
      ],
      otherManager: [
        'accounts.memberships.manage',
        'governance.manage',
        'governance.read',
        'governance.run',
        'governance.vote',
        'imports.organizations',
        'interview-grids.conduct',
        'interview-grids.read',
        'interview-grids.validate',
        'organizations.consent.record',
        'organizations.contacts.read',
        'organizations.create',
        'organizations.figures.read',
        'organizations.figures.write',
        'organizations.update',
        'partners.update',
        'radar.priorities.read',
        'radar.priorities.update',
        'radar.read',
        'support.decide',
        'support.position',
        'support.read',
        'support.receive',
        'support.update',
      ],
      ownManager: [
        'accounts.memberships.manage',
        'governance.manage',
        'governance.read',
        'governance.run',
        'governance.vote',
        'imports.organizations',
        'interview-grids.conduct',
        'interview-grids.read',
        'interview-grids.validate',
        'organizations.consent.record',
        'organizations.contacts.read',
        'organizations.create',
        'organizations.figures.read',
        'organizations.figures.write',
        'organizations.update',
        'partners.update',
        'radar.priorities.read',
        'radar.priorities.update',
        'radar.read',
        'support.decide',
        'support.position',
        'support.read',
        'support.receive',
        'support.update',
      ],
      admin: everything,
    });
  });

  it("shows a person's tokens to that person and to administrators only", async () => {
    const TOKENS_OF = 'query($id: ID!) { node(id: $id) { ... on Person { apiTokens { id } } } }';
    const own = await t.gql(TOKENS_OF, { id: funderPersonId }, TOKENS.funder);
    expect(own.errors).toBeUndefined();
    expect(own.data.node.apiTokens.length).toBeGreaterThan(0);
    const admin = await t.gql(TOKENS_OF, { id: funderPersonId }, TOKENS.admin);
    expect(admin.data.node.apiTokens.map((x: any) => x.id)).toEqual(own.data.node.apiTokens.map((x: any) => x.id));
    for (const viewer of ['loner', 'member', 'otherManager'] as const) {
      const res = await t.gql(TOKENS_OF, { id: funderPersonId }, tokens[viewer]);
      expect(res.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(res.data?.node?.apiTokens ?? null).toBeNull();
    }
    expect((await t.gql(TOKENS_OF, { id: funderPersonId })).data.node).toBeNull();
  });
});
