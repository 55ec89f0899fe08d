import { describe, expect, it } from 'vitest';
import { defineModule, orderModules, withDependencies, ModuleGraphError, type ModuleManifest } from './module.js';

const mod = (name: string, dependsOn: string[] = []): ModuleManifest => defineModule({ name, description: name, dependsOn, entities: [], resolvers: [] });

describe('module graph', () => {
  const available = [mod('partners', ['territory', 'sectors']), mod('territory'), mod('sectors'), mod('accounts', ['partners'])];

  it('orders modules after their dependencies', () => {
    const names = orderModules(available).map((m) => m.name);
    expect(names.indexOf('territory')).toBeLessThan(names.indexOf('partners'));
    expect(names.indexOf('sectors')).toBeLessThan(names.indexOf('partners'));
    expect(names.indexOf('partners')).toBeLessThan(names.indexOf('accounts'));
  });

  it('enables a subset', () => {
    expect(orderModules(available, ['territory']).map((m) => m.name)).toEqual(['territory']);
  });

  it('refuses a dependency that is not enabled, naming it', () => {
    expect(() => orderModules(available, ['partners', 'territory'])).toThrow(/"partners" depends on "sectors", which is not enabled/);
  });

  it('refuses an unknown module', () => {
    expect(() => orderModules(available, ['nope'])).toThrow(ModuleGraphError);
  });

  it('refuses a cycle and shows it', () => {
    expect(() => orderModules([mod('a', ['b']), mod('b', ['c']), mod('c', ['a'])])).toThrow(/cycle: a -> b -> c -> a/);
  });

  it('refuses a missing dependency', () => {
    expect(() => orderModules([mod('a', ['ghost'])])).toThrow(/no such module/);
  });

  it('closes a list over dependencies', () => {
    expect(withDependencies(available, ['accounts']).sort()).toEqual(['accounts', 'partners', 'sectors', 'territory']);
  });
});
