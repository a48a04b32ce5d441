import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MasterClock, STALL_GIVE_UP_MS } from './masterClock.ts';

function manual(start = 1_000_000) {
  let wall = 0;
  const clock = new MasterClock(start, () => wall);
  return { clock, advance: (ms: number) => (wall += ms) };
}

test('the clock stands still while paused and runs at the chosen speed while playing', () => {
  const { clock, advance } = manual();
  advance(500);
  assert.equal(clock.now(), 1_000_000);
  clock.play();
  advance(1000);
  assert.equal(clock.now(), 1_001_000);
  clock.setRate(4);
  advance(1000);
  assert.equal(clock.now(), 1_005_000);
  clock.pause();
  advance(1000);
  assert.equal(clock.now(), 1_005_000);
});

test('seeking moves the clock and it runs on from there', () => {
  const { clock, advance } = manual();
  clock.play();
  advance(300);
  clock.seek(2_000_000);
  advance(200);
  assert.equal(clock.now(), 2_000_200);
});

test('a stalled tile holds the clock, which resumes without skipping time', () => {
  const { clock, advance } = manual();
  clock.play();
  advance(1000);
  clock.stall('a', true);
  advance(2000);
  assert.equal(clock.now(), 1_001_000);
  clock.stall('a', false);
  advance(500);
  assert.equal(clock.now(), 1_001_500);
});

test('a tile stalled too long stops holding the others back', () => {
  const { clock, advance } = manual();
  clock.play();
  clock.stall('broken', true);
  advance(STALL_GIVE_UP_MS + 1000);
  // Held for the give-up time, then ran for the last second.
  assert.equal(clock.now(), 1_001_000);
  clock.stall('broken', true);
  advance(1000);
  assert.equal(clock.now(), 1_002_000, 'a tile that gave up cannot stall again until it recovers');
});

test('subscribers hear play, pause and speed changes', () => {
  const { clock } = manual();
  const seen: string[] = [];
  clock.subscribe(() => seen.push(`${clock.state().playing}/${clock.state().rate}`));
  clock.play();
  clock.setRate(2);
  clock.pause();
  assert.deepEqual(seen, ['true/1', 'true/2', 'false/2']);
});

test('a hold at the live edge keeps the clock until released, without giving up', () => {
  const { clock, advance } = manual();
  clock.play();
  advance(1000);
  clock.hold(true);
  assert.equal(clock.advancing, false);
  advance(STALL_GIVE_UP_MS * 3);
  assert.equal(clock.now(), 1_001_000);
  assert.equal(clock.held, true);
  clock.hold(false);
  assert.equal(clock.advancing, true);
  advance(500);
  assert.equal(clock.now(), 1_001_500);
});
