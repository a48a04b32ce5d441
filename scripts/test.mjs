#!/usr/bin/env node
// Runs every *.test.ts with Node's own test runner (through tsx), unit and API tests first,
// browser end-to-end tests (web/e2e) after them. Extra args: --no-e2e, --only-e2e, or file filters.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const filters = args.filter((a) => !a.startsWith('--'));

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, p));
  }
  return out;
}

const all = ['packages/shared/src', 'server/src', 'web/src', 'web/e2e', 'scripts']
  .flatMap((d) => { try { return find(join(root, d)); } catch { return []; } })
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const e2e = all.filter((f) => f.startsWith('web/e2e/'));
const unit = all.filter((f) => !f.startsWith('web/e2e/'));

function run(files, concurrency) {
  if (files.length === 0) return 0;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'test' },
  });
  return r.status ?? 1;
}

let status = 0;
if (!flags.has('--only-e2e')) status ||= run(unit, 2);
if (!flags.has('--no-e2e') && status === 0) status ||= run(e2e, 1);
process.exit(status);
