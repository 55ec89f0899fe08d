import { describe, expect, it } from 'vitest';
import { Query, Resolver } from 'type-graphql';
import { createApp } from './app.js';
import type { Context } from './context.js';
import { defineModule } from './module.js';
import { Authorized, definePermissions, permissionDefinitions, type Permission } from './permissions.js';
import { testConfig } from '../test/harness.js';
import { OrganizationPermissions } from '../modules/organizations/index.js';

const Interviews = definePermissions('interviews', {
  read: { roles: ['MEMBER'], description: 'Read interview grids.' },
  answers: { record: { roles: ['MANAGER', 'MEMBER'], description: 'Record answers.' } },
});

describe('definePermissions', () => {
  it('returns constants named after the module, groups joined by dots', () => {
    expect(Interviews.read).toBe('interviews.read');
    expect(Interviews.answers.record).toBe('interviews.answers.record');
    const read: Permission<'interviews.read'> = Interviews.read;
    expect(read).toBe('interviews.read');
  });

  it('carries the definitions for the manifest, out of sight of the constants', () => {
    expect(permissionDefinitions(Interviews)).toEqual([
      { name: 'interviews.read', roles: ['MEMBER'], description: 'Read interview grids.' },
      { name: 'interviews.answers.record', roles: ['MANAGER', 'MEMBER'], description: 'Record answers.' },
    ]);
    expect(Object.keys(Interviews)).toEqual(['read', 'answers']);
    expect(Object.isFrozen(Interviews) && Object.isFrozen(Interviews.answers)).toBe(true);
    expect(() => permissionDefinitions({} as never)).toThrow('Permissions must be declared with definePermissions');
  });

  it('refuses a key that is not camelCase (a dotted key would hide a group)', () => {
    expect(() => definePermissions('interviews', { 'answers.record': { roles: [], description: '' } })).toThrow('Permission key "answers.record" under "interviews" must be camelCase');
  });

  it('takes only its constants in @Authorized and ctx.can (checked by tsc)', () => {
    const can = (ctx: Context) => ctx.can(OrganizationPermissions.update);
    // @ts-expect-error a plain string is not a Permission: a typo cannot compile
    const typo = (ctx: Context) => ctx.can('organizations.updat');
    // @ts-expect-error the same for @Authorized
    const decorator = Authorized('interviews.recrod');
    expect([typeof can, typeof typo, typeof decorator]).toEqual(['function', 'function', 'function']);
  });
});

@Resolver()
class MisspelledResolver {
  // @ts-expect-error a plain string does not compile; cast or not, the boot refuses it (below)
  @Authorized('interviews.recrod')
  @Query(() => String, { description: 'Misspelled.' })
  misspelled(): string {
    return '';
  }

  @Authorized(Interviews.read, OrganizationPermissions.update)
  @Query(() => String, { description: 'Declared by a module that is not enabled.' })
  notEnabled(): string {
    return '';
  }

  @Authorized(Interviews.read)
  @Query(() => String, { description: 'Declared.' })
  declared(): string {
    return '';
  }
}

const misspelled = defineModule({
  name: 'interviews',
  description: 'A module whose resolver names permissions it does not declare.',
  dependsOn: [],
  entities: [],
  resolvers: [MisspelledResolver],
  permissions: Interviews,
});

describe('the boot', () => {
  it('refuses a permission no enabled module declares, naming it and the field, before opening the database', async () => {
    const error = await createApp(testConfig({ modules: ['interviews'], databaseUrl: 'postgres://nobody@127.0.0.1:1/none' }), { available: [misspelled] }).then(
      () => expect.unreachable('the app started'),
      (err: Error) => err,
    );
    expect(error.message).toBe(
      'Unknown permission(s): no enabled module declares\n' +
        '  @Authorized("interviews.recrod") on MisspelledResolver.misspelled\n' +
        '  @Authorized("organizations.update") on MisspelledResolver.notEnabled\n' +
        'Declared: interviews.answers.record, interviews.read. Name permissions by the constants of definePermissions.',
    );
  });
});
