import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LiveViewer } from '../live/live-hub.ts';
import { HlsPackagers } from './registry.ts';

/** A pipeline stand-in that knows camera `a` only and counts subscriptions. */
function source() {
  const viewers = new Set<LiveViewer>();
  return {
    viewers,
    subscribe: (id: string, stream: 'main' | 'sub', v: LiveViewer) => {
      assert.equal(stream, 'sub', 'the sub stream is asked for (the pipeline falls back to main)');
      if (id !== 'a') return { ok: false as const, reason: 'not-attached' };
      viewers.add(v);
      return { ok: true as const, unsubscribe: () => void viewers.delete(v) };
    },
  };
}

test('one packager per camera whatever the requests; dropped and unsubscribed when idle', () => {
  let now = 1_000_000;
  const s = source();
  const reg = new HlsPackagers(s, { idleMs: 30_000, now: () => now });
  const p = reg.acquire('a')!;
  assert.equal(reg.acquire('a'), p);
  assert.equal(reg.peek('a'), p);
  assert.equal(s.viewers.size, 1);
  assert.equal(reg.acquire('b'), null, 'a camera not attached here');
  now += 20_000;
  reg.sweep();
  assert.equal(reg.stats().packagers, 1, 'still in use 20 s later');
  now += 31_000;
  reg.sweep();
  assert.equal(reg.stats().packagers, 0);
  assert.equal(s.viewers.size, 0, 'unsubscribed from the live hub');
  const again = reg.acquire('a')!;
  assert.notEqual(again.generation, p.generation, 'a new packager never reuses URLs');
  reg.close();
  assert.equal(s.viewers.size, 0);
});

test('a packager offline for long is rebuilt: the camera may have been re-attached', () => {
  let now = 1_000_000;
  const s = source();
  const reg = new HlsPackagers(s, { staleOfflineMs: 10_000, now: () => now }); // default 5 s
  const p = reg.acquire('a')!;
  p.ended('stalled');
  now += 5_000;
  assert.equal(reg.acquire('a'), p);
  now += 6_000;
  const q = reg.acquire('a')!;
  assert.notEqual(q, p);
  assert.equal(s.viewers.size, 1, 'the old subscription is gone');
  reg.close();
});
