import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceKind } from '@mikro-orm/core';
import { getMetadataStorage } from 'class-validator';
import { getMetadataStorage as getTypeGraphQLMetadata } from 'type-graphql';
import { GraphQLInputObjectType, GraphQLList, GraphQLNonNull, getNamedType, isLeafType, type GraphQLField } from 'graphql';
import { collect, startTestApp, TOKENS, type TestApp } from './harness.js';
import { MAX_VARIABLES_DEPTH } from '../server/validation.js';

/*
 * Client mistakes in inputs (issue 8, items 15 and 16) answer BAD_USER_INPUT with the field as the client
 * wrote it and a French message, on HTTP and WebSocket, and change nothing in the database.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

const TABLES = ['organization', 'organization_contact', 'partner', 'intervention_criteria', 'funding_scheme', 'api_token', 'person'];

/** A fingerprint of every row of the tables the mutations below write to. */
async function snapshot(): Promise<Record<string, string>> {
  const conn = t.app.gateway.orm.em.fork().getConnection();
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await conn.execute(`select count(*)::int as n, md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from "${table}" x`);
    out[table] = `${row.n}:${row.h}`;
  }
  return out;
}

/** French: accented or typically French words, and none of class-validator's English defaults. */
function expectFrench(message: string): void {
  expect(message).not.toMatch(/\b(must|should|longer|shorter|contain|elements|greater|less than|not be|is not|invalid value|Expected)\b/);
  expect(message).toMatch(/[éèàçêû]|\b(le|la|les|des|du|doit|est|au plus|ne|pas)\b/i);
}

/** Sends `query` and expects one refusal of `field` with a French message, leaving the database as it was. */
async function expectRefused(query: string, variables: Record<string, unknown>, field: string, token: string | null = TOKENS.admin): Promise<any> {
  const before = await snapshot();
  const res = await t.gql(query, variables, token);
  expect(res.errors, JSON.stringify(res)).toHaveLength(1);
  expect(res.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  expectFrench(res.errors[0].message);
  expect(await snapshot()).toEqual(before);
  return res.errors[0];
}

async function communeId(): Promise<string> {
  const res = await t.gql('{ communes(first: 1, filter: { search: "Samer" }) { edges { node { id } } } }');
  return res.data.communes.edges[0].node.id;
}

async function partnerId(): Promise<string> {
  const res = await t.gql('{ partners(first: 1, filter: { search: "cress" }) { edges { node { id } } } }');
  return res.data.partners.edges[0].node.id;
}

async function organizationId(): Promise<string> {
  const res = await t.gql('{ organizations(first: 1) { edges { node { id } } } }');
  return res.data.organizations.edges[0].node.id;
}

const CREATE_ORG = 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name website contacts { firstName } } }';
const UPDATE_ORG = 'mutation($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id name esus } }';
const CREATE_PARTNER = 'mutation($input: CreatePartnerInput!) { createPartner(input: $input) { id name } }';
const UPDATE_PARTNER = 'mutation($id: ID!, $input: UpdatePartnerInput!) { updatePartner(id: $id, input: $input) { id name needs active } }';
const ADD_CRITERIA = 'mutation($id: ID!, $input: InterventionCriteriaInput!) { addInterventionCriteria(partnerId: $id, input: $input) { id } }';
const ADD_SCHEME = 'mutation($id: ID!, $input: FundingSchemeInput!) { addFundingScheme(partnerId: $id, input: $input) { id } }';
const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { name expiresAt } } }';

async function organization(extra: Record<string, unknown> = {}) {
  return { name: 'Épicerie solidaire du Portel', legalForm: 'ASSOCIATION', sector: 'agriculture-alimentation', communeId: await communeId(), stage: 'CREATION', ...extra };
}

const partner = (extra: Record<string, unknown> = {}) => ({ name: 'Fonds des Dunes', slug: 'fonds-des-dunes', kind: 'FUNDER', ...extra });

describe('invisible and misleading characters', () => {
  it('refuses a name made only of invisible characters, a lone surrogate and bidirectional controls, naming the field', async () => {
    await expectRefused(CREATE_ORG, { input: await organization({ name: '\u200b\u200b\u200b' }) }, 'input.name');
    await expectRefused(CREATE_ORG, { input: await organization({ name: 'Te\ud800st solidaire' }) }, 'input.name');
    await expectRefused(CREATE_ORG, { input: await organization({ name: 'Épicerie \u202Eeriadilos' }) }, 'input.name');
    await expectRefused(UPDATE_PARTNER, { id: await partnerId(), input: { needs: ['Un local', 'Des \u2066bénévoles'] } }, 'input.needs.1');
  });

  it('trims zero-width characters at either end, keeping those inside (joiners of emoji and scripts)', async () => {
    const res = await t.gql(CREATE_TOKEN, { input: { name: '\u200bPortail\u200d\ufeff' } }, TOKENS.admin);
    expect(res.errors).toBeUndefined();
    const tokens = await t.gql('{ viewer { person { apiTokens { name } } } }', {}, TOKENS.admin);
    expect(tokens.data.viewer.person.apiTokens.map((k: { name: string }) => k.name)).toContain('Portail');
  });
});

describe('NUL bytes (PostgreSQL refuses \\u0000 in text)', () => {
  it('are refused in a variable, naming the field', async () => {
    await expectRefused(CREATE_ORG, { input: await organization({ name: 'Épicerie\u0000 solidaire' }) }, 'input.name');
    await expectRefused(CREATE_ORG, { input: await organization({ contacts: [{ firstName: 'Lucie', lastName: 'Mar\u0000tin' }] }) }, 'input.contacts.0.lastName');
    await expectRefused(UPDATE_PARTNER, { id: await partnerId(), input: { needs: ['Un local', 'Des\u0000 bénévoles'] } }, 'input.needs.1');
    await expectRefused(CREATE_TOKEN, { input: { name: 'Portail\u0000' } }, 'input.name');
  });

  it('are refused in a literal of the document and in scalar arguments', async () => {
    await expectRefused(
      `mutation { createOrganization(input: { name: "A\\u0000B", legalForm: SCOP, sector: "recyclage-reemploi", communeId: "${await communeId()}", stage: CREATION }) { id } }`,
      {},
      'input.name',
    );
    await expectRefused('query($s: String) { organizations(first: 1, filter: { search: $s }) { totalCount } }', { s: 'vélo\u0000' }, 'filter.search', null);
    await expectRefused('query($id: ID!) { node(id: $id) { id } }', { id: 'T3JnYW5pemF0aW9uOgA=\u0000' }, 'id', null);
  });

  it('are refused over WebSocket too', async () => {
    const client = t.ws(TOKENS.admin);
    const before = await snapshot();
    const { results } = collect(client, CREATE_ORG, { input: await organization({ name: 'Ate\u0000lier' }) }, 1);
    const [res] = await results;
    expect(res!.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('strings longer than their column', () => {
  it('refuses a website over 300 characters (organization and partner)', async () => {
    const website = `https://exemple.fr/${'a'.repeat(290)}`;
    expect(website.length).toBeGreaterThan(300);
    await expectRefused(CREATE_ORG, { input: await organization({ website }) }, 'input.website');
    await expectRefused(UPDATE_PARTNER, { id: await partnerId(), input: { website } }, 'input.website');
    await expectRefused(UPDATE_ORG, { id: await organizationId(), input: { website } }, 'input.website');
  });

  it('declares, on every String and ID field of every input type, a maximum no longer than its column', async () => {
    // Input type → the entity whose columns its fields of the same name fill.
    const entities: Record<string, string> = {
      CreateOrganizationInput: 'Organization',
      UpdateOrganizationInput: 'Organization',
      OrganizationContactInput: 'OrganizationContact',
      CreatePartnerInput: 'Partner',
      UpdatePartnerInput: 'Partner',
      InterventionCriteriaInput: 'InterventionCriteria',
      FundingSchemeInput: 'FundingScheme',
      CreateApiTokenInput: 'ApiToken',
      CreatePersonInput: 'Person',
    };
    const classes = new Map(getTypeGraphQLMetadata().inputTypes.map((c) => [c.name, c.target]));
    const storage = getMetadataStorage();
    const inputTypes = Object.values(t.app.schema.getTypeMap()).filter((type): type is GraphQLInputObjectType => type instanceof GraphQLInputObjectType);
    let checked = 0;
    for (const type of inputTypes) {
      const target = classes.get(type.name);
      expect(target, type.name).toBeDefined();
      const metadata = storage.getTargetValidationMetadatas(target!, '', true, false);
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type).name;
        if (named !== 'String' && named !== 'ID') continue;
        const maxima = metadata
          .filter((m) => m.propertyName === field.name)
          .map((m) => (m.name === 'maxLength' ? m.constraints[0] : m.name === 'isLength' ? m.constraints[1] : undefined))
          .filter((n): n is number => typeof n === 'number');
        expect(maxima.length, `${type.name}.${field.name} has no maximum length`).toBeGreaterThan(0);
        const max = Math.min(...maxima);
        const entity = entities[type.name];
        const property = entity ? t.app.gateway.orm.getMetadata().find(entity)?.properties[field.name as never] : undefined;
        // Relations (`sector`, `communeId`) take ids, not the column's value.
        const length = property?.kind === ReferenceKind.SCALAR ? property.length : undefined;
        if (entity && field.name in { name: 1, website: 1, email: 1, firstName: 1, lastName: 1 }) expect(length, `${entity}.${field.name}`).toBeGreaterThan(0);
        // The SIRET may be written with spaces; the service stores its 14 digits.
        if (length && field.name !== 'siret') expect(max, `${type.name}.${field.name}: ${max} > column ${length}`).toBeLessThanOrEqual(length);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('nesting of variables', () => {
  const deepBody = (query: string, depth: number) => `{"query":${JSON.stringify(query)},"variables":{"input":${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}}}`;

  it('refuses variables nested 100,000 deep as BAD_USER_INPUT, on HTTP', async () => {
    const before = await snapshot();
    for (const depth of [MAX_VARIABLES_DEPTH + 1, 100_000]) {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${TOKENS.admin}` },
        body: deepBody(CREATE_ORG, depth),
      });
      const body = (await res.json()) as any;
      expect(res.status).toBe(400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
      expectFrench(body.errors[0].message);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses them over WebSocket', async () => {
    const { WebSocket } = await import('ws');
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const messages: any[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('close', () => resolve());
      setTimeout(resolve, 5000);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${TOKENS.admin}` } })));
      socket.on('message', (data) => {
        const message = JSON.parse((data as Buffer).toString());
        messages.push(message);
        if (message.type === 'connection_ack') {
          const n = 100_000;
          socket.send(`{"id":"1","type":"subscribe","payload":{"query":${JSON.stringify(CREATE_ORG)},"variables":{"input":${'{"a":'.repeat(n)}"x"${'}'.repeat(n)}}}}`);
        } else resolve();
      });
    });
    socket.close();
    expect(messages[1]?.type).toBe('error');
    expect(messages[1].payload[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });
});

describe('variable coercion errors name the field (the variable path)', () => {
  it('gives the path of the wrong value, on HTTP', async () => {
    const base = await organization();
    const cases: [Record<string, unknown>, string][] = [
      [{ input: { ...base, employees: 'beaucoup' } }, 'input.employees'],
      [{ input: { ...base, legalForm: 'INCONNUE' } }, 'input.legalForm'],
      [{ input: { ...base, contacts: [{ firstName: 'Lucie', lastName: 3 }] } }, 'input.contacts.0.lastName'],
      [{ input: { ...base, contacts: [{ firstName: 'Lucie' }] } }, 'input.contacts.0.lastName'],
      [{ input: { ...base, name: undefined } }, 'input.name'],
      [{ input: { ...base, unknownField: 1 } }, 'input.unknownField'],
      [{ input: null }, 'input'],
      [{}, 'input'],
    ];
    const before = await snapshot();
    for (const [variables, field] of cases) {
      const res = await t.gql(CREATE_ORG, variables, TOKENS.admin);
      expect(res.errors, JSON.stringify({ variables, res })).toBeDefined();
      expect(res.errors[0].extensions, JSON.stringify(res.errors[0])).toMatchObject({ code: 'BAD_USER_INPUT', field });
      for (const e of res.errors) expect(e.extensions.field, e.message).toBeTruthy();
      // In French, naming the field; graphql-js's English text stays in `detail` for developers.
      expectFrench(res.errors[0].message);
      expect(res.errors[0].message).toContain(`« ${field} »`);
      expect(res.errors[0].extensions.detail).toMatch(/^Variable "\$/);
    }
    const list = await t.gql('query($first: Int) { organizations(first: $first) { totalCount } }', { first: 'dix' });
    expect(list.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(await snapshot()).toEqual(before);
  });

  it('gives a field to every coercion error of every field of every input of every root field', async () => {
    const schema = t.app.schema;
    let errors = 0;
    const roots = [schema.getQueryType()!, schema.getMutationType()!];
    for (const root of roots) {
      const keyword = root === schema.getMutationType() ? 'mutation' : 'query';
      for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (field.args.length === 0) continue;
        const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
        const query = `${keyword}(${field.args.map((a) => `$${a.name}: ${a.defaultValue !== undefined && a.type instanceof GraphQLNonNull ? String(a.type.ofType) : String(a.type)}`).join(', ')}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selection} }`;
        for (const arg of field.args) {
          const type = getNamedType(arg.type);
          const wrongValues: [unknown, string][] =
            type instanceof GraphQLInputObjectType
              ? Object.values(type.getFields())
                  // A JSON field takes any value by design: its content is checked by the resolver (badInput), not by coercion.
                  .filter((f) => getNamedType(f.type).name !== 'JSON')
                  .map((f) => [{ [f.name]: getNamedType(f.type) instanceof GraphQLInputObjectType ? 7 : { wrong: true } }, `${arg.name}.${f.name}`])
              : [[{ wrong: true }, arg.name]];
          for (const [value, path] of wrongValues) {
            const res = await t.gql(
              query,
              { [arg.name]: arg.type instanceof GraphQLList || (arg.type instanceof GraphQLNonNull && arg.type.ofType instanceof GraphQLList) ? [value] : value },
              TOKENS.admin,
            );
            expect(res.errors?.length, `${field.name} ${path}`).toBeGreaterThan(0);
            // Refused before execution: one error, the others in `fields`.
            const all = res.errors.flatMap((e: any) => [e, ...(e.extensions?.fields ?? []).map((f: any) => ({ message: f.message, extensions: { code: e.extensions.code, field: f.field } }))]);
            for (const e of all) {
              expect(e.extensions, `${field.name}: ${e.message}`).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^\w/) });
              errors++;
            }
            const fields = all.map((e: any) => e.extensions.field.replace(/\.0(?=\.|$)/, ''));
            expect(fields, `${field.name} ${JSON.stringify(res.errors)}`).toContain(path);
          }
        }
      }
    }
    expect(errors).toBeGreaterThan(78);
  });

  it('gives it over WebSocket too', async () => {
    const client = t.ws(TOKENS.admin);
    const variables = { input: { ...(await organization()), contacts: [{ firstName: 'Lucie', lastName: 3 }] } };
    // Refused before execution: graphql-ws answers with an `error` message (the errors themselves).
    const errors = await collect(client, CREATE_ORG, variables, 1).results.then(
      (r) => r[0]!.errors,
      (e: unknown) => e as any[],
    );
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contacts.0.lastName' });
  });
});

describe('names made only of spaces, and trimming', () => {
  it('refuses them everywhere a name is required', async () => {
    await expectRefused(CREATE_ORG, { input: await organization({ name: '     ' }) }, 'input.name');
    await expectRefused(UPDATE_ORG, { id: await organizationId(), input: { name: '   ' } }, 'input.name');
    await expectRefused(CREATE_ORG, { input: await organization({ contacts: [{ firstName: '  ', lastName: 'Martin' }] }) }, 'input.contacts.0.firstName');
    await expectRefused(CREATE_PARTNER, { input: partner({ name: '    ' }) }, 'input.name');
    await expectRefused(UPDATE_PARTNER, { id: await partnerId(), input: { name: '  \t ' } }, 'input.name');
    await expectRefused(ADD_CRITERIA, { id: await partnerId(), input: { label: '   ' } }, 'input.label');
    await expectRefused(ADD_SCHEME, { id: await partnerId(), input: { name: '   ', kind: 'GRANT' } }, 'input.name');
    await expectRefused(CREATE_TOKEN, { input: { name: '   ' } }, 'input.name');
    await expectRefused(UPDATE_PARTNER, { id: await partnerId(), input: { needs: ['Un local', '   '] } }, 'input.needs');
  });

  it('stores the trimmed value', async () => {
    const res = await t.gql(
      CREATE_ORG,
      { input: await organization({ name: '  Recyclerie   des Caps ', website: ' https://recyclerie.example.fr ', contacts: [{ firstName: ' Lucie ', lastName: ' Martin ' }] }) },
      TOKENS.admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createOrganization).toMatchObject({ name: 'Recyclerie   des Caps', website: 'https://recyclerie.example.fr', contacts: [{ firstName: 'Lucie' }] });
    const token = await t.gql(CREATE_TOKEN, { input: { name: '  Portail  ' } }, TOKENS.admin);
    expect(token.data.createApiToken.apiToken.name).toBe('Portail');
    const needs = await t.gql(UPDATE_PARTNER, { id: await partnerId(), input: { needs: ['  Un local  '] } }, TOKENS.admin);
    expect(needs.data.updatePartner.needs).toEqual(['Un local']);
  });
});

describe('out-of-range values', () => {
  it('refuses amounts beyond the documented bound (1,000,000,000 €)', async () => {
    const id = await partnerId();
    await expectRefused(ADD_CRITERIA, { id, input: { label: 'Tout', maxAmount: 2147483647 } }, 'input.maxAmount');
    await expectRefused(ADD_CRITERIA, { id, input: { label: 'Tout', minAmount: 2147483647 } }, 'input.minAmount');
    await expectRefused(ADD_SCHEME, { id, input: { name: 'Prêt', kind: 'LOAN', maxAmount: 2147483647 } }, 'input.maxAmount');
    await expectRefused(CREATE_PARTNER, { input: partner({ criteria: [{ label: 'Tout', maxAmount: 1_000_000_001 }] }) }, 'input.criteria.0.maxAmount');
    await expectRefused(CREATE_PARTNER, { input: partner({ fundingSchemes: [{ name: 'Prêt', kind: 'LOAN', minAmount: 1_000_000_001 }] }) }, 'input.fundingSchemes.0.minAmount');
    await expectRefused('query($a: Int) { partners(first: 1, filter: { canSupport: { amount: $a } }) { totalCount } }', { a: 2147483647 }, 'filter.canSupport.amount', null);
  });

  it('refuses a token expiring in more than a year, or in the past', async () => {
    await expectRefused(CREATE_TOKEN, { input: { name: 'Portail', expiresAt: '9999-12-31T00:00:00Z' } }, 'input.expiresAt');
    await expectRefused(CREATE_TOKEN, { input: { name: 'Portail', expiresAt: new Date(Date.now() + 367 * 86_400_000).toISOString() } }, 'input.expiresAt');
    await expectRefused(CREATE_TOKEN, { input: { name: 'Portail', expiresAt: '2001-01-01T00:00:00Z' } }, 'input.expiresAt');
    const ok = await t.gql(CREATE_TOKEN, { input: { name: 'Portail', expiresAt: new Date(Date.now() + 300 * 86_400_000).toISOString() } }, TOKENS.admin);
    expect(ok.errors).toBeUndefined();
  });

  it('refuses a foundedYear in the future and employees beyond the bound', async () => {
    await expectRefused(CREATE_ORG, { input: await organization({ foundedYear: 2147483647 }) }, 'input.foundedYear');
    await expectRefused(UPDATE_ORG, { id: await organizationId(), input: { employees: 2147483647 } }, 'input.employees');
  });

  it('refuses null where it means nothing on update, instead of ignoring it', async () => {
    const id = await partnerId();
    await expectRefused(UPDATE_PARTNER, { id, input: { needs: null } }, 'input.needs');
    await expectRefused(UPDATE_PARTNER, { id, input: { active: null } }, 'input.active');
    await expectRefused(UPDATE_PARTNER, { id, input: { technicalCommittee: null } }, 'input.technicalCommittee');
    await expectRefused(UPDATE_PARTNER, { id, input: { name: null } }, 'input.name');
    await expectRefused(UPDATE_ORG, { id: await organizationId(), input: { esus: null } }, 'input.esus');
    await expectRefused(UPDATE_ORG, { id: await organizationId(), input: { name: null } }, 'input.name');
    // null still clears what can be cleared
    const cleared = await t.gql(UPDATE_PARTNER, { id, input: { shortName: null } }, TOKENS.admin);
    expect(cleared.errors).toBeUndefined();
  });
});

describe('messages people read are French', () => {
  it('gives a French message to every class-validator constraint of the schema', () => {
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, { type: string; name?: string; propertyName: string; message?: unknown; target: Function }[]> };
    const english: string[] = [];
    let count = 0;
    for (const list of storage.validationMetadatas.values()) {
      for (const m of list) {
        // Conditions and nesting have no message of their own.
        if (m.type === 'conditionalValidation' || m.type === 'nestedValidation' || m.type === 'whitelistValidation') continue;
        count++;
        const message = typeof m.message === 'function' ? m.message({ property: m.propertyName, constraints: [1, 2], value: 'x', targetName: '', object: {} }) : m.message;
        if (typeof message !== 'string' || /\b(must|should|longer|shorter|contain|elements|greater|less)\b/.test(message)) {
          english.push(`${m.target.name}.${m.propertyName} (${m.name ?? m.type}): ${String(message)}`);
        }
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(english).toEqual([]);
  });

  it('answers in French for array sizes and amounts', async () => {
    const contacts = Array.from({ length: 21 }, (_, i) => ({ firstName: 'Lucie', lastName: `Martin ${i}` }));
    await expectRefused(CREATE_ORG, { input: await organization({ contacts }) }, 'input.contacts');
    await expectRefused(ADD_CRITERIA, { id: await partnerId(), input: { label: 'Tout', maxAmount: 1_000_000_001 } }, 'input.maxAmount');
  });
});
