import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_MODULES } from '../modules/index.js';
import { orderModules } from '../server/module.js';

const root = join(import.meta.dirname, '..', 'modules');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('module boundaries', () => {
  it('imports another module only through its index.ts, and only a declared dependency', () => {
    const problems: string[] = [];
    const manifests = new Map(ALL_MODULES.map((m) => [m.name, m]));
    for (const file of files(root)) {
      const own = relative(root, file).split(sep)[0]!;
      if (!manifests.has(own)) continue; // modules/index.ts lists every module
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!spec!.startsWith('.')) continue;
        const target = relative(root, join(file, '..', spec!)).split(sep);
        if (target[0] === '..' || target[0] === own) continue; // server/ or the module itself
        if (target.length !== 2 || target[1] !== 'index.js') problems.push(`${relative(root, file)} reaches into ${spec}`);
        if (!manifests.get(own)!.dependsOn.includes(target[0]!)) problems.push(`${relative(root, file)} imports ${target[0]}, not in dependsOn`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('reaches server/ only through the kit (server/kit/index.ts), outside tests', () => {
    const problems: string[] = [];
    const server = join(root, '..', 'server');
    for (const file of files(root)) {
      if (file.endsWith('.test.ts')) continue;
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(/(?:from|import\() ?'([^']+)'/g)) {
        if (!spec!.startsWith('.')) continue;
        const target = join(file, '..', spec!);
        if (relative(server, target).startsWith('..')) continue; // not in server/
        if (relative(server, target) !== join('kit', 'index.js')) problems.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes no SQL text in modules: reads go through the kit, writes through MikroORM', () => {
    const problems: string[] = [];
    const analytics = new Map<string, string[]>();
    for (const file of files(root)) {
      if (file.endsWith('.test.ts')) continue;
      // One analytics file per module (<module>.analytics.ts or .statistics.ts) may hold its statistical SQL, values bound as parameters.
      if (file.endsWith('.analytics.ts') || file.endsWith('.statistics.ts')) {
        const own = relative(root, file).split(sep)[0]!;
        analytics.set(own, [...(analytics.get(own) ?? []), relative(root, file)]);
        continue;
      }
      const text = readFileSync(file, 'utf8');
      for (const pattern of [/\.execute\(/, /getKnex\(/, /\.raw\(/, /createQueryBuilder\(/, /\b(select|insert into|delete from|analyze)\s+[\w"*]/i]) {
        if (pattern.test(text)) problems.push(`${relative(root, file)}: ${pattern}`);
      }
    }
    for (const [own, list] of analytics) if (list.length > 1) problems.push(`${own} has ${list.length} analytics files: one at most`);
    expect(problems).toEqual([]);
  });

  it('keeps the module graph acyclic', () => {
    expect(orderModules(ALL_MODULES).map((m) => m.name)).toHaveLength(ALL_MODULES.length);
  });
});
