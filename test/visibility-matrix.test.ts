import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { matches, type VisibilityRule } from '../server/kit/index.js';
import { toGlobalId } from '../server/relay.js';
import type { Viewer } from '../server/auth.js';
import type { ModuleManifest } from '../server/module.js';
import { ALL_MODULES } from '../modules/index.js';
import { BackgroundJob, StoredFile } from '../server/kit/index.js';
import { DocumentKind, SupportDocument, SupportRequest } from '../modules/support/index.js';
import { KIT_VISIBILITY } from '../server/kit/tables.js';
import { collect, createTestDatabase, startTestApp, TOKENS, type TestApp } from './harness.js';
import { personWithToken } from './people.js';

/*
 * The visibility matrix, generated from the schema: for every entity a module declares a visibility
 * rule for, every way the API reaches it (a root list, a relation one or two levels down, `node`,
 * `nodes`, a subscription payload), as each demo role (anonymous, signed-in without a partner, a
 * partner's member, a partner's manager, an administrator). The rows a role may see are computed apart
 * from the kit's SQL: the manifest's rule read in JavaScript (`matches`) on every row loaded by
 * MikroORM. Nothing outside that set may come back, on any path.
 */

type Role = 'anonymous' | 'loner' | 'expert' | 'funder' | 'admin';
const ROLES: Role[] = ['anonymous', 'loner', 'expert', 'funder', 'admin'];

/** The rules as the kit and the modules declare them (the truth, whatever the gateway under test applies). */
const RULES = new Map<string, VisibilityRule>([...KIT_VISIBILITY, ...ALL_MODULES.flatMap((m) => m.visibility ?? [])].map((r) => [r.entity.name, r]));

interface Found {
  type: string;
  id: string;
  path: string;
}

/** Every (type, id) in a response, with the path that found it. */
function found(value: unknown, path: string, into: Found[] = []): Found[] {
  if (Array.isArray(value)) for (const v of value) found(v, path, into);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === 'string' && typeof record.id === 'string' && RULES.has(record.__typename)) into.push({ type: record.__typename, id: record.id, path });
    for (const v of Object.values(record)) found(v, path, into);
  }
  return into;
}

const noRequiredArgs = (f: GraphQLField<unknown, unknown>) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);

/** The record type a field leads to: a connection's node type, a list's items, or the object itself. */
function recordType(field: GraphQLField<unknown, unknown>): GraphQLObjectType | null {
  const named = getNamedType(field.type);
  if (!isObjectType(named)) return null;
  const node = named.getFields().edges && getNamedType(named.getFields().edges!.type);
  if (node && isObjectType(node) && node.getFields().node) return getNamedType(node.getFields().node!.type) as GraphQLObjectType;
  return named;
}

/** A selection of `field` that reaches `rest` (field names, one per level), with `__typename id` at each level. */
function selectionThrough(schema: GraphQLSchema, type: GraphQLObjectType, path: string[]): string {
  if (path.length === 0) return '';
  const [name, ...rest] = path;
  const field = type.getFields()[name!]!;
  const target = recordType(field)!;
  const inner = `__typename ${target.getFields().id ? 'id' : ''} ${selectionThrough(schema, target, rest)}`;
  const paged = field.args.some((a) => a.name === 'first');
  const args = paged ? '(first: 100)' : '';
  const named = getNamedType(field.type) as GraphQLObjectType;
  return named !== target ? `${name}${args} { edges { node { ${inner} } } }` : `${name}${args} { ${inner} }`;
}

/** Paths from the root query to a type with a rule: root lists and objects, then up to two relations down. */
function readPaths(schema: GraphQLSchema): string[][] {
  const paths: string[][] = [];
  const walk = (type: GraphQLObjectType, path: string[], depth: number) => {
    if (RULES.has(type.name)) paths.push(path);
    if (depth === 0) return;
    for (const field of Object.values(type.getFields())) {
      const target = recordType(field);
      if (!target || !noRequiredArgs(field) || field.name === 'pageInfo') continue;
      walk(target, [...path, field.name], depth - 1);
    }
  };
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const target = recordType(field);
    if (target && noRequiredArgs(field) && field.name !== 'node' && field.name !== 'nodes') walk(target, [field.name], 2);
  }
  return paths;
}

interface Matrix {
  /** Ids each role may see, by type (the truth). */
  allowed: Map<Role, Map<string, Set<string>>>;
  /** Every id of each type. */
  all: Map<string, Set<string>>;
}

/** The truth: each rule read in JavaScript on every row, as each role. */
async function truth(t: TestApp, viewers: Map<Role, Viewer>): Promise<Matrix> {
  const em = t.app.gateway.orm.em.fork() as SqlEntityManager;
  const allowed = new Map<Role, Map<string, Set<string>>>(ROLES.map((r) => [r, new Map()]));
  const all = new Map<string, Set<string>>();
  for (const [type, rule] of RULES) {
    const rows = await em.find(rule.entity, {}, { populate: ['*'] as never });
    all.set(type, new Set(rows.map((r) => toGlobalId(type, String((r as { id: string }).id)))));
    for (const role of ROLES) {
      const viewer = viewers.get(role)!;
      const rights = { viewer, can: (p: string) => t.app.gateway.permissions.allows(viewer, p as never) };
      const filter = rule.rows(rights);
      allowed.get(role)!.set(type, new Set(rows.filter((r) => matches(r, filter as object | boolean)).map((r) => toGlobalId(type, String((r as { id: string }).id)))));
    }
  }
  return { allowed, all };
}

/** What each role got on each path that it may not see. */
async function leaks(t: TestApp, tokens: Map<Role, string | null>, matrix: Matrix): Promise<{ leaks: string[]; seen: Map<string, number> }> {
  const schema = t.app.schema;
  const out: string[] = [];
  const seen = new Map<string, number>();
  const check = (role: Role, items: Found[]) => {
    for (const item of items) {
      seen.set(item.type, (seen.get(item.type) ?? 0) + 1);
      if (!matrix.allowed.get(role)!.get(item.type)!.has(item.id)) out.push(`${role} got ${item.type} ${item.id} through ${item.path}`);
    }
  };
  for (const role of ROLES) {
    const token = tokens.get(role) ?? null;
    for (const path of readPaths(schema)) {
      const query = `{ ${selectionThrough(schema, schema.getQueryType()!, path)} }`;
      const res = await t.gql(query, {}, token);
      check(role, found(res.data, path.join('.')));
    }
    for (const [type, ids] of matrix.all) {
      for (const id of ids) {
        const res = await t.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id }, token);
        check(role, found(res.data, `node(${type})`));
      }
      const res = await t.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [...ids].slice(0, 100) }, token);
      check(role, found(res.data, `nodes(${type})`));
    }
  }
  return { leaks: out, seen };
}

/** Subscription payloads: each role subscribes to every subscription reaching a rule's type, then an administrator changes records. */
async function subscriptionLeaks(t: TestApp, tokens: Map<Role, string | null>, matrix: Matrix): Promise<string[]> {
  const schema = t.app.schema;
  const subscriptions = Object.values(schema.getSubscriptionType()!.getFields());
  const out: string[] = [];
  const organization = await t.gql('{ organizations(first: 50, orderBy: NAME) { edges { node { id consentToShare } } } }', {}, TOKENS.admin);
  const targets = organization.data.organizations.edges.map((e: { node: { id: string; consentToShare: boolean } }) => e.node);
  const changed = [targets.find((o: { consentToShare: boolean }) => o.consentToShare), targets.find((o: { consentToShare: boolean }) => !o.consentToShare)];
  for (const role of ROLES.filter((r) => r !== 'anonymous')) {
    const client = t.ws(tokens.get(role));
    const streams = subscriptions
      .filter((s) => s.name === 'organizationChanged')
      .map((s) => {
        const type = recordType(s)!;
        const paths = [['contacts'], ['consentHistory']].filter((p) => type.getFields()[p[0]!]);
        const selection = `__typename id ${paths.map((p) => selectionThrough(schema, type, p)).join(' ')}`;
        return { name: s.name, results: collect(client, `subscription { ${s.name} { ${selection} } }`, {}, changed.length) };
      });
    await Promise.all(streams.map((s) => s.results.ready));
    for (const o of changed) await t.gql('mutation($id: ID!) { updateOrganization(id: $id, input: { phone: "03 21 00 00 00" }) { id } }', { id: o.id }, TOKENS.admin);
    for (const s of streams) {
      for (const item of found(await s.results.results, s.name)) {
        if (!matrix.allowed.get(role)!.get(item.type)!.has(item.id)) out.push(`${role} got ${item.type} ${item.id} through subscription ${s.name}`);
      }
    }
    await client.dispose();
  }
  return out;
}

async function setUp(t: TestApp): Promise<{ tokens: Map<Role, string | null>; viewers: Map<Role, Viewer> }> {
  const loner = await personWithToken(t, { name: 'Sans Partenaire' });
  const tokens = new Map<Role, string | null>([
    ['anonymous', null],
    ['loner', loner.token],
    ['expert', TOKENS.expert],
    ['funder', TOKENS.funder],
    ['admin', TOKENS.admin],
  ]);
  const authenticate = t.app.gateway.modules.find((m) => m.authenticate)!.authenticate!;
  const viewers = new Map<Role, Viewer>();
  const { Viewer: ViewerClass } = await import('../server/auth.js');
  for (const role of ROLES) {
    const token = tokens.get(role);
    viewers.set(role, token ? (await authenticate(t.app.gateway.orm.em.fork() as SqlEntityManager, token))! : ViewerClass.anonymous());
  }
  // Background jobs of two people, and one of the platform itself.
  const em = t.app.gateway.orm.em.fork() as SqlEntityManager;
  for (const startedBy of [viewers.get('expert')!.personId, viewers.get('funder')!.personId, null]) em.create(BackgroundJob, { kind: 'matrix.job', label: 'Travail', startedBy });
  // A document on each support request of the demo (their rows: the walk reads no bytes).
  for (const request of await em.find(SupportRequest, {}, { fields: ['id'] })) {
    const file = em.create(StoredFile, { module: 'support', name: 'statuts.pdf', type: 'application/pdf', size: 10, sha256: '0'.repeat(64) });
    em.create(SupportDocument, { request: request.id, kind: DocumentKind.STATUTES, file });
  }
  await em.flush();
  return { tokens, viewers };
}

/** The walk reads every row on every path for every role: a directory of 300 keeps it to a minute. */
const MATRIX_SCALE = { organizations: 300 };

describe('the visibility matrix: every type with a rule, every path, every role', () => {
  let t: TestApp;
  let tokens: Map<Role, string | null>;
  let matrix: Matrix;

  beforeAll(async () => {
    t = await startTestApp({ demoScale: MATRIX_SCALE });
    const set = await setUp(t);
    tokens = set.tokens;
    matrix = await truth(t, set.viewers);
  }, 60_000);
  afterAll(() => t?.close());

  it('the truth is not vacuous: each role sees some rows of some types and not others', () => {
    expect([...RULES.keys()].sort()).toEqual([
      'AgendaItem',
      'ApiToken',
      'BackgroundJob',
      'BodyMember',
      'Charter',
      'CharterAmendment',
      'CharterAmendmentChange',
      'CharterArticle',
      'CharterSignature',
      'CharterVersion',
      'CommitteeSession',
      'GovernanceBody',
      'GridVersion',
      'Interview',
      'InterviewAnswer',
      'Membership',
      'OrganizationConsent',
      'OrganizationContact',
      'OrganizationFigures',
      'PartnerPosition',
      'Person',
      'PositionInvitation',
      'PositionVersion',
      'Radar',
      'SessionAttendance',
      'SessionVote',
      'StatusChange',
      'StrategyDecision',
      'SupportAction',
      'SupportDocument',
      'SupportRequest',
    ]);
    const count = (role: Role, type: string) => matrix.allowed.get(role)!.get(type)!.size;
    expect(count('admin', 'OrganizationContact')).toBe(matrix.all.get('OrganizationContact')!.size);
    expect(count('expert', 'OrganizationContact')).toBeGreaterThan(0);
    expect(count('expert', 'OrganizationContact')).toBeLessThan(matrix.all.get('OrganizationContact')!.size);
    expect(count('loner', 'OrganizationContact')).toBe(0);
    expect(count('anonymous', 'Person')).toBe(0);
    // The charter and its signatures are for partners' people: all of them; none for others.
    expect(count('expert', 'CharterSignature')).toBe(matrix.all.get('CharterSignature')!.size);
    expect(count('expert', 'CharterSignature')).toBeGreaterThan(0);
    expect([count('loner', 'CharterSignature'), count('anonymous', 'Charter')]).toEqual([0, 0]);
    expect([count('expert', 'BackgroundJob'), count('loner', 'BackgroundJob'), count('admin', 'BackgroundJob')]).toEqual([1, 0, 3]);
    // Finances are for partners' people: all of them, whatever the consent; none for others.
    expect(count('expert', 'OrganizationFigures')).toBe(matrix.all.get('OrganizationFigures')!.size);
    expect(matrix.all.get('OrganizationFigures')!.size).toBeGreaterThan(0);
    expect(count('anonymous', 'OrganizationFigures')).toBe(0);
    expect(count('loner', 'OrganizationFigures')).toBe(0);
    // Interviews follow the organization's consent (or the own partner's); answers their question's confidentiality.
    expect(matrix.all.get('Interview')!.size).toBeGreaterThan(0);
    expect(count('admin', 'Interview')).toBe(matrix.all.get('Interview')!.size);
    expect(count('expert', 'Interview')).toBeGreaterThan(0);
    expect(count('expert', 'Interview')).toBeLessThan(matrix.all.get('Interview')!.size);
    for (const role of ['anonymous', 'loner'] as const) expect(count(role, 'Interview') + count(role, 'InterviewAnswer')).toBe(0);
    expect(count('admin', 'InterviewAnswer')).toBeGreaterThan(0);
    expect(count('admin', 'InterviewAnswer')).toBeLessThan(matrix.all.get('InterviewAnswer')!.size); // not the interviewers' own notes
    expect(count('funder', 'InterviewAnswer')).toBeGreaterThan(0);
    expect(count('anonymous', 'GridVersion')).toBeGreaterThan(0);
    // Support requests: partners' people see the shared ones and their own partner's; the others (no consent) stay hidden.
    for (const type of ['SupportRequest', 'StatusChange', 'PositionInvitation', 'PartnerPosition', 'PositionVersion', 'SupportDocument']) {
      expect(matrix.all.get(type)!.size, type).toBeGreaterThan(0);
      expect(count('admin', type)).toBe(matrix.all.get(type)!.size);
      expect(count('expert', type)).toBeGreaterThan(0);
      expect(count('expert', type)).toBeLessThan(matrix.all.get(type)!.size);
      expect(count('loner', type)).toBe(0);
      expect(count('anonymous', type)).toBe(0);
    }
  });

  it('returns nothing hidden on root lists, relations, node and nodes', async () => {
    const { leaks: found, seen } = await leaks(t, tokens, matrix);
    expect(found).toEqual([]);
    // Each type with a rule was reached by some path (the walk is not vacuous either).
    for (const type of [
      'OrganizationContact',
      'OrganizationConsent',
      'OrganizationFigures',
      'Person',
      'Membership',
      'BackgroundJob',
      'SupportRequest',
      'StatusChange',
      'PositionInvitation',
      'SupportDocument',
      'Interview',
      'InterviewAnswer',
      'GridVersion',
    ])
      expect(seen.get(type), type).toBeGreaterThan(0);
  }, 600_000);

  it('returns nothing hidden in subscription payloads', async () => {
    expect(await subscriptionLeaks(t, tokens, matrix)).toEqual([]);
  }, 60_000);
});

describe('the same matrix on a gateway whose organizations module lost its consent rule', () => {
  it('finds the contacts it leaks', async () => {
    const withoutRule: ModuleManifest[] = ALL_MODULES.map((m) => (m.name === 'organizations' ? { ...m, visibility: [] } : m));
    const t = await startTestApp({ available: withoutRule, database: await createTestDatabase(), demoScale: MATRIX_SCALE });
    try {
      const { tokens, viewers } = await setUp(t);
      const matrix = await truth(t, viewers);
      const { leaks: found } = await leaks(t, tokens, matrix);
      expect(found.some((l) => l.startsWith('expert got OrganizationContact'))).toBe(true);
      expect(found.some((l) => l.startsWith('loner got OrganizationContact'))).toBe(true);
    } finally {
      await t.close();
    }
  }, 600_000);
});
