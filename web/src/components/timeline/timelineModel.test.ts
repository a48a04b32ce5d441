import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DAY, HOUR, MINUTE, SECOND } from './time.ts';
import { clampSpan, fetchRange, stepZoom, tickStep, ticks, timeAt, viewEnd, viewStart, xOf, zoomAround, MAX_SPAN, MIN_SPAN } from './timelineModel.ts';

const T = Date.parse('2026-11-22T03:00:00Z');

test('zoom stays between one minute and seven days', () => {
  assert.equal(clampSpan(1), MIN_SPAN);
  assert.equal(clampSpan(30 * DAY), MAX_SPAN);
  assert.equal(stepZoom(HOUR, -1), 30 * MINUTE);
  assert.equal(stepZoom(HOUR, 1), 3 * HOUR);
  assert.equal(stepZoom(MINUTE, -1), MINUTE);
  assert.equal(stepZoom(7 * DAY, 1), 7 * DAY);
  // A span between steps (after wheel zooming) goes to the neighbouring step.
  assert.equal(stepZoom(40 * MINUTE, -1), 30 * MINUTE);
  assert.equal(stepZoom(40 * MINUTE, 1), HOUR);
});

test('zooming around the pointer keeps the instant under it', () => {
  const v = { center: T, span: HOUR };
  const anchor = T + 10 * MINUTE;
  const before = xOf(v, anchor, 1000);
  const z = zoomAround(v, 0.5, anchor);
  assert.equal(z.span, 30 * MINUTE);
  assert.ok(Math.abs(xOf(z, anchor, 1000) - before) < 1e-6);
});

test('pixels and instants map both ways', () => {
  const v = { center: T, span: 10 * MINUTE };
  assert.equal(timeAt(v, 0, 600), viewStart(v));
  assert.equal(timeAt(v, 600, 600), viewEnd(v));
  assert.equal(xOf(v, T, 600), 300);
});

test('ticks leave room for their labels and sit on whole clock values', () => {
  const v = { center: T + 7 * MINUTE, span: HOUR };
  const step = tickStep(v.span, 1000);
  assert.ok((step / v.span) * 1000 >= 90, 'at least 90 px apart');
  const ts = ticks(v, 1000);
  assert.ok(ts.length >= 3 && ts.length <= 12);
  for (const { t } of ts) assert.equal(new Date(t).getSeconds(), 0);
  assert.ok(ts.every(({ t }) => t >= viewStart(v) && t <= viewEnd(v)));
  assert.equal(tickStep(MINUTE, 1200), 5 * SECOND);
});

test('the fetched range covers the view with a margin and is stable while panning a little', () => {
  const v = { center: T + 20 * MINUTE, span: HOUR };
  const r = fetchRange(v);
  assert.ok(r.from <= viewStart(v) - HOUR / 2 && r.to >= viewEnd(v));
  assert.deepEqual(fetchRange({ center: v.center + MINUTE, span: HOUR }), r);
  const wide = fetchRange({ center: T, span: 7 * DAY });
  assert.ok(wide.to - wide.from <= 31 * DAY, 'within the 31-day limit of the timeline API');
});
