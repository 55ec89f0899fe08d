// @ts-check
// `npm start`'s first step: builds the committee screen (Vite, into dist/screen) when its sources are newer
// than the last build, so that a start with nothing changed costs no build. Without Vite (installed with
// --omit=dev), the server starts anyway and /screen/ says how to build it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const built = join(root, 'dist', 'screen', 'index.html');

/** The newest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = Math.max(newest(join(root, 'clients', 'screen')), newest(join(root, 'clients', 'generated')));
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);
let vite;
try {
  vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
} catch {
  process.stderr.write('Écran de séance non construit : Vite est absent (npm install, puis npm run screen:build). Le serveur démarre sans lui.\n');
  process.exit(0);
}
const result = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'clients', 'screen', 'vite.config.ts')], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
