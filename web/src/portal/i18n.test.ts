import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { initialLang } from './i18n.ts';

type Tree = { [key: string]: string | Tree };
const dir = new URL('.', import.meta.url).pathname;
const load = (lang: string): Tree => JSON.parse(readFileSync(join(dir, `i18n/${lang}.json`), 'utf8')) as Tree;
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix ? `${prefix}.${k}` : k, v] as [string, string]] : leaves(v, prefix ? `${prefix}.${k}` : k)));
const base = (k: string) => k.replace(/_(one|other)$/, '');

test('portal strings: the same messages and placeholders in id and en; Indonesian has no singular', () => {
  const id = new Map(leaves(load('id')).map(([k, v]) => [base(k), v]));
  const en = new Map(leaves(load('en')).map(([k, v]) => [base(k), v]));
  assert.deepEqual([...id.keys()].filter((k) => !en.has(k)), [], 'missing in en.json');
  assert.deepEqual([...en.keys()].filter((k) => !id.has(k)), [], 'missing in id.json');
  const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
  for (const [k, v] of id) {
    assert.ok(v.trim(), `empty ${k}`);
    assert.deepEqual(vars(en.get(k)!), vars(v), `placeholders of ${k}`);
  }
  for (const [k] of leaves(load('id'))) assert.ok(!k.endsWith('_one'), k);
});

test('every literal key the portal uses exists', () => {
  const known = new Set(leaves(load('id')).map(([k]) => base(k)));
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : /\.tsx?$/.test(n) && !n.endsWith('.test.ts') ? [join(d, n)] : []));
  for (const f of files(dir)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'/g)) assert.ok(known.has(m[1]!), `${f}: ${m[1]}`);
  }
});

test('?lang=en chooses English and is remembered; Bahasa Indonesia otherwise', () => {
  assert.equal(initialLang('?lang=en', null), 'en');
  assert.equal(initialLang('?lang=id', 'en'), 'id');
  assert.equal(initialLang('', 'en'), 'en');
  assert.equal(initialLang('?tenant=x', null), 'id');
  assert.equal(initialLang('?lang=fr', 'xx'), 'id');
});
