import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration, formatTime, fromPickerValue, toPickerValue, zoneLabel } from './time.ts';

test('picker values are local time and round-trip to the second', () => {
  const t = new Date(2026, 10, 22, 14, 5, 9).getTime();
  assert.equal(toPickerValue(t), '2026-11-22 14:05:09');
  assert.equal(fromPickerValue('2026-11-22 14:05:09'), t);
  assert.equal(fromPickerValue('2026-11-22 14:05'), t - 9000);
  assert.equal(fromPickerValue('kemarin'), null);
  assert.equal(fromPickerValue(null), null);
});

test('clock and durations', () => {
  const t = new Date(2026, 10, 22, 7, 8, 9, 45).getTime();
  assert.equal(formatTime(t), '07:08:09');
  assert.equal(formatTime(t, true), '07:08:09.045');
  assert.equal(formatDuration(5000), '0:05');
  assert.equal(formatDuration(3_725_000), '1:02:05');
});

test('Indonesian zones are named by their offset', () => {
  // The label follows the offset of the machine's zone; check the rule, whatever zone runs the test.
  const off = -new Date(0).getTimezoneOffset();
  const label = zoneLabel(0);
  if (off === 420) assert.equal(label, 'WIB');
  else if (off === 480) assert.equal(label, 'WITA');
  else if (off === 540) assert.equal(label, 'WIT');
  else assert.match(label, /^UTC[+-]\d{2}:\d{2}$/);
});
