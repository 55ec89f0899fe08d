import { describe, expect, it } from 'vitest';
import type { ColumnInfo, EntityInfo, RelationInfo } from './entities.js';
import { columnsOf, splitOnParent } from './filter.js';

/** A column as the kit describes it (only what filters read). */
function column(property: string, name: string): ColumnInfo {
  return { property, column: name, convert: null, lazy: false, arrayType: 'text[]', textInJson: false };
}

/** Two entities in the shape of organizations and their contacts. */
function entities(): { parent: EntityInfo; child: EntityInfo } {
  class Parent {}
  class Child {}
  const parentColumns = new Map([
    ['id', column('id', 'id')],
    ['consentToShare', column('consentToShare', 'consent_to_share')],
    ['sector', column('sector', 'sector_code')],
  ]);
  const childColumns = new Map([
    ['id', column('id', 'id')],
    ['organization', column('organization', 'organization_id')],
    ['isHolder', column('isHolder', 'is_holder')],
  ]);
  const info = (entity: new () => object, columns: Map<string, ColumnInfo>, relations: Map<string, RelationInfo>): EntityInfo =>
    ({ entity, name: entity.name, table: entity.name.toLowerCase(), pk: columns.get('id')!, columns, stored: columns, relations }) as unknown as EntityInfo;
  const parentRelations = new Map<string, RelationInfo>();
  const childRelations = new Map<string, RelationInfo>();
  const parent = info(Parent, parentColumns, parentRelations);
  const child = info(Child, childColumns, childRelations);
  parentRelations.set('sector', { kind: 'one', property: 'sector', column: 'sector_code', target: () => parent });
  parentRelations.set('contacts', { kind: 'many', property: 'contacts', target: () => child, foreignKey: 'organization', orderBy: [], limit: null });
  childRelations.set('organization', { kind: 'one', property: 'organization', column: 'organization_id', target: () => parent });
  return { parent, child };
}

describe("a gathered relation's rule on its parent", () => {
  it('is split into the condition on the parent row and the rest of the rule', () => {
    const { child } = entities();
    expect(splitOnParent(child, 'organization', { organization: { consentToShare: true } })).toEqual({ parent: { consentToShare: true }, rest: true });
    expect(splitOnParent(child, 'organization', { organization: { consentToShare: true }, isHolder: true })).toEqual({ parent: { consentToShare: true }, rest: { isHolder: true } });
  });

  it('stays whole when it names the parent by key, by keys or by operators only (no lookup to save)', () => {
    const { child } = entities();
    for (const rule of [{ organization: 'k1' }, { organization: ['k1', 'k2'] }, { organization: { $in: ['k1'] } }, { organization: null }, { isHolder: true }]) {
      expect(splitOnParent(child, 'organization', rule)).toEqual({ parent: null, rest: rule });
    }
  });

  it('reads the parent columns its condition names, through $and, $or and $not', () => {
    const { parent } = entities();
    expect([...columnsOf(parent, { consentToShare: true })]).toEqual(['consent_to_share']);
    expect([...columnsOf(parent, { $or: [{ consentToShare: true }, { $not: { sector: { name: 'x' } } }], contacts: { isHolder: true } })].sort()).toEqual(['consent_to_share', 'id', 'sector_code']);
  });
});
