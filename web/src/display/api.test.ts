import { afterEach, beforeEach, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KioskState } from '@pantau/shared';
import { backoff, openKioskSocket } from './api.ts';

/** A stand-in for the browser's WebSocket: the test opens, speaks and closes it. */
class FakeSocket {
  static all: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  closedByClient = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  close() {
    this.closedByClient = true;
    this.onclose?.({ code: 1005 });
  }
}

const state = { display: { id: 'x', name: 'Lobi', tier: 'public' }, playlist: [], override: null, serverTime: '', timeZone: 'Asia/Jakarta' } as unknown as KioskState;

beforeEach(() => {
  FakeSocket.all = [];
  Object.assign(globalThis, { WebSocket: FakeSocket, location: { protocol: 'https:', host: 'pantau.example' } });
  mock.timers.enable({ apis: ['setTimeout'] });
});
afterEach(() => mock.timers.reset());

function handlers() {
  const log: string[] = [];
  return { log, h: { state: (s: KioskState) => log.push(`state:${s.display.name}`), revoked: () => log.push('revoked'), refused: () => log.push('refused'), connected: (up: boolean) => log.push(up ? 'up' : 'down') } };
}

test('backoff doubles from 1 s and stops at 10 s', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 10].map(backoff), [1000, 2000, 4000, 8000, 10_000, 10_000]);
});

test('a dropped socket reconnects with backoff; state messages pass through', () => {
  const { log, h } = handlers();
  const stop = openKioskSocket(h);
  assert.equal(FakeSocket.all[0]!.url, 'wss://pantau.example/api/display/ws');
  FakeSocket.all[0]!.onopen!();
  FakeSocket.all[0]!.onmessage!({ data: JSON.stringify({ type: 'state', state }) });
  FakeSocket.all[0]!.onclose!({ code: 1006 });
  assert.equal(FakeSocket.all.length, 1);
  mock.timers.tick(999);
  assert.equal(FakeSocket.all.length, 1);
  mock.timers.tick(1);
  assert.equal(FakeSocket.all.length, 2, 'back after 1 s');
  FakeSocket.all[1]!.onclose!({ code: 1006 });
  mock.timers.tick(1999);
  assert.equal(FakeSocket.all.length, 2);
  mock.timers.tick(1);
  assert.equal(FakeSocket.all.length, 3, 'then after 2 s');
  assert.deepEqual(log, ['up', 'state:Lobi', 'down', 'down']);
  stop();
  assert.ok(FakeSocket.all[2]!.closedByClient);
  mock.timers.tick(60_000);
  assert.equal(FakeSocket.all.length, 3, 'stopped means stopped');
});

test('`revoked` and close 4401 end the socket; silence for 75 s is a dead socket', () => {
  const a = handlers();
  openKioskSocket(a.h);
  FakeSocket.all[0]!.onmessage!({ data: JSON.stringify({ type: 'revoked' }) });
  FakeSocket.all[0]!.onclose!({ code: 4401 });
  mock.timers.tick(60_000);
  assert.deepEqual(a.log, ['revoked']);
  assert.equal(FakeSocket.all.length, 1);

  const b = handlers();
  openKioskSocket(b.h);
  FakeSocket.all[1]!.onclose!({ code: 4401 });
  assert.deepEqual(b.log, ['down', 'refused']);

  const c = handlers();
  openKioskSocket(c.h);
  FakeSocket.all[2]!.onopen!();
  FakeSocket.all[2]!.onmessage!({ data: 'not json' });
  mock.timers.tick(74_999);
  assert.equal(FakeSocket.all[2]!.closedByClient, false);
  mock.timers.tick(1);
  assert.equal(FakeSocket.all[2]!.closedByClient, true, 'the watchdog closes a silent socket');
  mock.timers.tick(1000);
  assert.equal(FakeSocket.all.length, 4, 'and a new one opens');
});
