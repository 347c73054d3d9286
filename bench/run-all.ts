/**
 * Runs every benchmark script in this folder (`*.bench.ts`) one after the
 * other, each in its own process so their memory figures do not mix.
 * Usage: npm run bench [-- name-filter]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const scripts = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(folder, script)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
console.log(`\n${scripts.length - failed} benchmarks finished, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
