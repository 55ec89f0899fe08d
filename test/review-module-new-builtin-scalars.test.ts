import { describe, expect, it } from 'vitest';
import { Refused, assertFree, namesOf } from '../server/cli/module-new.js';

/*
 * Review finding: `npm run module:new floats -- --entity Float` (or Boolean, Int, String, ID) is
 * accepted and writes a module whose schema cannot be built ("Schema must contain uniquely named types
 * but contains multiple types named "Boolean""): assertFree looks for the type in schema/schema.graphql,
 * which never declares GraphQL's built-in scalars.
 */
describe('module:new refuses entity names taken by GraphQL built-in scalars', () => {
  for (const entity of ['Float', 'Boolean', 'Int', 'String', 'ID']) {
    it(`refuses --entity ${entity}`, () => {
      expect(() => assertFree(namesOf(`review-${entity.toLowerCase()}-things`, entity))).toThrow(Refused);
    });
  }
});
