#!/usr/bin/env node
// Runs the test suites with Vitest and ends with one plain summary line,
// "N passed, N failed, N skipped", that CI reads.
//   node scripts/run-tests.mjs            unit, domain and route tests, then browser tests
//   node scripts/run-tests.mjs --unit     only unit, domain and route tests
//   node scripts/run-tests.mjs --browser  only browser tests (builds the app first)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const onlyUnit = args.includes('--unit');
const onlyBrowser = args.includes('--browser');
const extra = args.filter((arg) => !arg.startsWith('--unit') && !arg.startsWith('--browser'));

const suites = [];
if (!onlyBrowser) suites.push({ name: 'unit', config: 'vitest.config.ts' });
if (!onlyUnit) suites.push({ name: 'browser', config: 'vitest.browser.config.ts' });

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

for (const suite of suites) {
  if (suite.name === 'browser') {
    if (!fs.existsSync('/usr/bin/chromium')) {
      const message = 'Chromium not found at /usr/bin/chromium: browser tests are SKIPPED (run .ci/install-system-deps.sh).';
      if (process.env.CI === 'true') {
        console.error(`${message} CI requires them.`);
        exitCode = 1;
        continue;
      }
      console.error(`\n!!!!!!!! ${message} !!!!!!!!\n`);
      continue;
    }
    console.log('\n> Building the server and web app for the browser tests');
    if (run('npm', ['run', 'build', '--silent']) !== 0) {
      exitCode = 1;
      totals.failed += 1;
      continue;
    }
  }
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zhiban-vitest-')), 'results.json');
  console.log(`\n> ${suite.name} tests (${suite.config})`);
  const status = run('npx', ['vitest', 'run', '--config', suite.config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
  if (status !== 0) exitCode = status;
  if (fs.existsSync(report)) {
    const results = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += results.numPassedTests ?? 0;
    totals.failed += results.numFailedTests ?? 0;
    totals.skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
  } else if (status !== 0) {
    totals.failed += 1;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
