import { describe, expect, it } from 'vitest';
import { Refused, assertFree, namesOf } from './module-new.js';

/*
 * `npm run module:new floats -- --entity Float` (or Boolean, Int, String, ID) was accepted and wrote a
 * module whose schema could not be built ("Schema must contain uniquely named types but contains
 * multiple types named "Boolean""): GraphQL's built-in names never appear in schema/schema.graphql.
 */
describe('module:new refuses entity names taken by GraphQL built-in scalars', () => {
  for (const entity of ['Float', 'Boolean', 'Int', 'String', 'ID']) {
    it(`refuses --entity ${entity}`, () => {
      expect(() => assertFree(namesOf(`review-${entity.toLowerCase()}-things`, entity))).toThrow(Refused);
    });
  }
});
