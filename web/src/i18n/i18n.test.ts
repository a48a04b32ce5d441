import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

type Tree = { [key: string]: string | Tree };

const load = (lang: string): Tree => JSON.parse(readFileSync(new URL(`./${lang}.json`, import.meta.url), 'utf8')) as Tree;

/** Flattened keys with i18next plural suffixes folded into one key per message. */
function keys(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(path.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const sub of keys(v, path)) out.add(sub);
  }
  return out;
}

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix ? `${prefix}.${k}` : k, v] as [string, string]] : leaves(v, prefix ? `${prefix}.${k}` : k),
  );
}

test('id.json and en.json have the same messages', () => {
  const id = keys(load('id'));
  const en = keys(load('en'));
  assert.deepEqual([...id].filter((k) => !en.has(k)), [], 'missing in en.json');
  assert.deepEqual([...en].filter((k) => !id.has(k)), [], 'missing in id.json');
});

test('English plurals have both forms; Indonesian uses only "other"', () => {
  for (const [key] of leaves(load('en'))) {
    if (key.endsWith('_one')) assert.ok(leaves(load('en')).some(([k]) => k === key.replace(/_one$/, '_other')), key);
  }
  for (const [key] of leaves(load('id'))) assert.ok(!key.endsWith('_one'), `Indonesian has no singular form: ${key}`);
});

test('no message is empty and interpolations match between languages', () => {
  const en = new Map(leaves(load('en')).map(([k, v]) => [k.replace(/_(one|other)$/, ''), v]));
  for (const [key, text] of leaves(load('id'))) {
    assert.ok(text.trim().length > 0, `empty message ${key}`);
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const other = en.get(key.replace(/_(one|other)$/, ''));
    assert.ok(other !== undefined, key);
    assert.deepEqual(vars(other), vars(text), `placeholders of ${key}`);
  }
});
