import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMaillageClient, MaillageError } from '../clients/maillage-client.js';
import { MeDocument, PartnersForSituationDocument, PortalOrganizationsDocument, RegisterOrganizationDocument } from '../clients/generated/graphql.js';
import { startTestApp, TOKENS, type TestApp } from './harness.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('generated typed client against the running server', () => {
  it('pages the directory with typed results', async () => {
    const client = createMaillageClient({ url: t.url });
    const page = await client.request(PortalOrganizationsDocument, { first: 10, filter: { employer: true } });
    expect(page.organizations.totalCount).toBeGreaterThan(400);
    const first = page.organizations.edges[0]!.node;
    expect(first.employees).toBeGreaterThan(0);
    expect(typeof first.sector.name).toBe('string');
    const next = await client.request(PortalOrganizationsDocument, { first: 10, after: page.organizations.pageInfo.endCursor, filter: { employer: true } });
    expect(next.organizations.edges[0]!.node.id).not.toBe(first.id);
  });

  it('finds partners for a situation and reads the viewer', async () => {
    const client = createMaillageClient({ url: t.url, token: TOKENS.funder });
    const me = await client.request(MeDocument, {});
    expect(me.viewer.person?.memberships[0]?.role).toBe('MANAGER');
    const partners = await client.request(PartnersForSituationDocument, { situation: { stage: 'CREATION', legalForm: 'ASSOCIATION' } });
    expect(partners.partners.totalCount).toBeGreaterThan(0);
  });

  it('surfaces API errors with their code and field', async () => {
    const client = createMaillageClient({ url: t.url, token: TOKENS.expert });
    const error = await client
      .request(RegisterOrganizationDocument, { input: { name: 'X', legalForm: 'ASSOCIATION', sector: 'recyclage-reemploi', communeId: 'x', stage: 'CREATION' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaillageError);
    expect((error as MaillageError).code).toBe('BAD_USER_INPUT');
    expect((error as MaillageError).field).toBe('input.name');
  });
});
