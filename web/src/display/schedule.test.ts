import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KioskScene, KioskState } from '@pantau/shared';
import { activeOverride, advance, isEligible, localTime, nextCheck, type ScheduleItem } from './schedule.ts';

const scene = (id: string): KioskScene => ({ id, name: id, layout: 'full', tiles: [{ kind: 'clock_weather', weatherText: '' }], ticker: [] });
const item = (id: string, over: Partial<ScheduleItem> = {}): ScheduleItem => ({ scene: scene(id), seconds: 10, days: [], from: null, to: null, ...over });
const at = (day: number, hhmm: string) => ({ day, minutes: Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) });

test('local time follows the display zone, not the machine', () => {
  // 2026-01-05 is a Monday; 23:30 UTC is 06:30 Tuesday in WIB and 07:30 in WITA
  const t = new Date('2026-01-05T23:30:00Z');
  assert.deepEqual(localTime(t, 'Asia/Jakarta'), { day: 2, minutes: 6 * 60 + 30 });
  assert.deepEqual(localTime(t, 'Asia/Makassar'), { day: 2, minutes: 7 * 60 + 30 });
  assert.deepEqual(localTime(t, 'Not/AZone'), { day: 2, minutes: 6 * 60 + 30 }, 'unknown zone → WIB');
  assert.deepEqual(localTime(new Date('2026-01-04T17:00:00Z'), 'Asia/Jakarta'), { day: 1, minutes: 0 }, 'midnight is 00:00, not 24:00');
});

test('eligibility: days, same-day windows with an exclusive end, whole days', () => {
  const office = { days: [1, 2, 3, 4, 5], from: '07:30', to: '16:00' };
  const cases: [ReturnType<typeof at>, boolean][] = [
    [at(1, '07:29'), false],
    [at(1, '07:30'), true],
    [at(5, '15:59'), true],
    [at(5, '16:00'), false],
    [at(6, '10:00'), false],
    [at(0, '10:00'), false],
  ];
  for (const [t, want] of cases) assert.equal(isEligible(office, t), want, JSON.stringify(t));
  assert.equal(isEligible({ days: [], from: null, to: null }, at(3, '03:00')), true);
  assert.equal(isEligible({ days: [6], from: null, to: null }, at(6, '23:59')), true);
  assert.equal(isEligible({ days: [], from: '12:00', to: null }, at(2, '11:59')), false);
  assert.equal(isEligible({ days: [], from: null, to: '12:00' }, at(2, '11:59')), true);
  assert.equal(isEligible({ days: [2], from: '09:00', to: '09:00' }, at(2, '03:00')), true, 'from = to: all day');
});

test('eligibility: a window crossing midnight belongs to the day it starts', () => {
  const fridayNight = { days: [5], from: '22:00', to: '06:00' };
  assert.equal(isEligible(fridayNight, at(5, '21:59')), false);
  assert.equal(isEligible(fridayNight, at(5, '22:00')), true);
  assert.equal(isEligible(fridayNight, at(6, '00:00')), true, 'Saturday early morning is still Friday night');
  assert.equal(isEligible(fridayNight, at(6, '05:59')), true);
  assert.equal(isEligible(fridayNight, at(6, '06:00')), false);
  assert.equal(isEligible(fridayNight, at(5, '03:00')), false, 'Friday early morning belongs to Thursday');
  assert.equal(isEligible(fridayNight, at(6, '22:30')), false);
  const saturdayNight = { days: [6], from: '23:00', to: '01:00' };
  assert.equal(isEligible(saturdayNight, at(0, '00:30')), true, 'wraps Saturday → Sunday');
  const nightly = { days: [], from: '22:00', to: '06:00' };
  assert.equal(isEligible(nightly, at(3, '02:00')), true);
  assert.equal(isEligible(nightly, at(3, '12:00')), false);
});

test('advance: keeps an entry for its seconds, then the next eligible one, wrapping; idle when none', () => {
  const tz = 'Asia/Jakarta';
  const mon10 = Date.parse('2026-01-05T03:00:00Z'); // Monday 10:00 WIB
  const items = [item('a'), item('b', { days: [0] }), item('c', { seconds: 5 })];
  let cur = advance(items, mon10, tz, null);
  assert.deepEqual(cur, { index: 0, startedAt: mon10 });
  assert.equal(advance(items, mon10 + 9_999, tz, cur), cur);
  cur = advance(items, mon10 + 10_000, tz, cur);
  assert.deepEqual(cur, { index: 2, startedAt: mon10 + 10_000 }, 'b is for Sundays only');
  cur = advance(items, mon10 + 15_000, tz, cur);
  assert.equal(cur.index, 0, 'wraps');
  const single = [item('only')];
  const s1 = advance(single, mon10, tz, null);
  assert.deepEqual(advance(single, mon10 + 10_000, tz, s1), { index: 0, startedAt: mon10 + 10_000 }, 'the only entry restarts');
  assert.deepEqual(advance([item('x', { days: [0] })], mon10, tz, null), { index: null, startedAt: mon10 });
  assert.deepEqual(advance([], mon10, tz, null), { index: null, startedAt: mon10 });
});

test('advance: an entry whose window closes gives way at once; idle resumes when one opens', () => {
  const tz = 'Asia/Jakarta';
  const before16 = Date.parse('2026-01-05T08:59:00Z'); // Monday 15:59 WIB
  const items = [item('office', { seconds: 3600, from: '07:00', to: '16:00' }), item('evening', { seconds: 3600, from: '16:00', to: '22:00' })];
  const cur = advance(items, before16, tz, null);
  assert.equal(cur.index, 0);
  const next = advance(items, before16 + 60_000, tz, cur);
  assert.equal(next.index, 1, '16:00: the evening entry');
  const late = Date.parse('2026-01-05T15:30:00Z'); // 22:30 WIB
  assert.equal(advance(items, late, tz, next).index, null);
  assert.equal(nextCheck(items, { index: null, startedAt: late }, late + 30_000) - late, 60_000, 'idle looks again at the next minute');
  assert.equal(nextCheck(items, { index: 0, startedAt: before16 }, before16 + 1000), before16 + 60_000, 'the minute comes before an hour-long entry ends');
});

test('override: in force until `until`, then the playlist', () => {
  const state: KioskState = { display: { id: '00000000-0000-4000-8000-000000000001', name: 'Lobi', tier: 'public' }, playlist: [], override: { scene: scene('push'), until: '2026-01-05T03:00:10Z' }, serverTime: '2026-01-05T03:00:00Z', timeZone: 'Asia/Jakarta' };
  assert.equal(activeOverride(state, Date.parse('2026-01-05T03:00:09Z'))?.id, 'push');
  assert.equal(activeOverride(state, Date.parse('2026-01-05T03:00:10Z')), null);
  assert.equal(activeOverride({ ...state, override: { scene: scene('p'), until: null } }, Date.parse('2030-01-01T00:00:00Z'))?.id, 'p');
  assert.equal(activeOverride({ ...state, override: null }, 0), null);
});
