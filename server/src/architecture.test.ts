import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';

/** The module doors of STYLE.md, enforced: other code reaches a module only through its index.ts; media never imports modules. */
const root = dirname(new URL(import.meta.url).pathname);

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(n)) out.push(p);
  }
  return out;
}

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!));

test('no file reaches into another module except through its index.ts', () => {
  const bad: string[] = [];
  for (const f of files(root)) {
    const own = relative(root, f).match(/^modules\/([^/]+)\//)?.[1];
    for (const target of imports(f)) {
      const rel = relative(root, target);
      const m = rel.match(/^modules\/([^/]+)\/(.+)$/);
      if (!m || m[1] === own) continue;
      if (m[2] !== 'index.ts') bad.push(`${relative(root, f)} → ${rel}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('media never imports modules; platform never imports modules', () => {
  const bad = files(root)
    .filter((f) => /^(media|platform)\//.test(relative(root, f)))
    .flatMap((f) => imports(f).filter((t) => relative(root, t).startsWith('modules/')).map((t) => `${relative(root, f)} → ${relative(root, t)}`));
  assert.deepEqual(bad, []);
});

test('services never import fastify; only config.ts reads process.env', () => {
  const bad: string[] = [];
  for (const f of files(root)) {
    const rel = relative(root, f);
    const src = readFileSync(f, 'utf8');
    if (/\.service\.ts$/.test(rel) && /from 'fastify'/.test(src)) bad.push(`${rel} imports fastify`);
    // tools that spawn child processes (benchmarks, test fixtures) pass the environment on; the server itself never reads it
    const tool = rel.startsWith('bench/') || rel.includes('/testing/') || rel.startsWith('testing/');
    if (!rel.endsWith('.test.ts') && !tool && rel !== 'config.ts' && /process\.env/.test(src)) bad.push(`${rel} reads process.env`);
  }
  assert.deepEqual(bad, []);
});
