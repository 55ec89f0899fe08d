import { describe, expect, it } from 'vitest';
import { Refused, assertFree, fill, namesOf, registered } from './module-new.js';

/* The scaffold's names and refusals; .ci/scaffold-check runs it for real in a copy of the checkout. */

describe('npm run module:new', () => {
  it('derives every name from the kebab-case module name, or from --entity', () => {
    expect(namesOf('probe')).toMatchObject({ Pascal: 'Probe', camel: 'probe', plural: 'probes', Plural: 'Probes', file: 'probe', table: 'probe', UPPER: 'PROBE' });
    expect(namesOf('support-requests', 'SupportRequest')).toMatchObject({
      Pascal: 'SupportRequest',
      camel: 'supportRequest',
      plural: 'supportRequests',
      file: 'support-request',
      table: 'support_request',
      UPPER: 'SUPPORT_REQUEST',
    });
    expect(namesOf('sector-study').plural).toBe('sectorStudies');
    expect(namesOf('radar-axis').plural).toBe('radarAxises');
  });

  it('refuses a bad name, a reserved word or a bad entity name', () => {
    for (const bad of [undefined, 'Probe', 'bad_name', '-probe', 'probe-', '9lives', 'a--b', 'x'.repeat(41), 'class', 'index']) {
      expect(() => namesOf(bad), String(bad)).toThrow(Refused);
    }
    expect(() => namesOf('probe', 'probe')).toThrow(Refused);
  });

  it('refuses a module, a GraphQL type or a table that exists already', () => {
    expect(() => assertFree(namesOf('organizations'))).toThrow(/modules\/organizations already exists/);
    expect(() => assertFree(namesOf('organization'))).toThrow(/type Organization already exists/);
    expect(() => assertFree(namesOf('probes', 'Partner'))).toThrow(/type Partner already exists/);
    expect(() => assertFree(namesOf('probe'))).not.toThrow();
  });

  it('fills the templates and registers the module in modules/index.ts', () => {
    const n = namesOf('support-requests', 'SupportRequest');
    expect(fill("import { __Pascal__ } from './__file__.entity.js'; // __plural__ __UPPER___MAX __name__", n)).toBe(
      "import { SupportRequest } from './support-request.entity.js'; // supportRequests SUPPORT_REQUEST_MAX support-requests",
    );
    const index = "import a from './a/index.js';\nimport b from './b/index.js';\n\nexport const ALL_MODULES: readonly ModuleManifest[] = [a, b];\n";
    expect(registered(index, n)).toBe(
      "import a from './a/index.js';\nimport b from './b/index.js';\nimport supportRequests from './support-requests/index.js';\n\nexport const ALL_MODULES: readonly ModuleManifest[] = [a, b, supportRequests];\n",
    );
  });
});
