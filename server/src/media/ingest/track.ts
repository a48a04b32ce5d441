import type { AccessUnit } from '../h26x/index.ts';
import { buildH264Config, buildH265Config } from '../h26x/index.ts';
import { h264VideoTrack, h265VideoTrack, type VideoTrack } from '../mp4/index.ts';

export type TrackResult = { ok: true; track: VideoTrack } | { ok: false; reason: string };

/**
 * The MP4 track for an access unit's parameter sets. H.265 uses `hev1` so parameter sets may stay
 * in-band (cameras change them mid-stream); Chromium accepts `hev1`.
 */
export function trackFor(codec: 'H264' | 'H265', unit: AccessUnit): TrackResult {
  const ps = unit.parameterSets;
  if (codec === 'H264') {
    const [sps, ...pps] = ps;
    if (!sps) return { ok: false, reason: 'missing-parameter-sets' };
    const r = buildH264Config(sps, pps);
    return r.ok ? { ok: true, track: h264VideoTrack(r.config) } : { ok: false, reason: `bad-sps:${r.error}` };
  }
  const [vps, sps, pps] = ps;
  if (!vps || !sps || !pps) return { ok: false, reason: 'missing-parameter-sets' };
  const r = buildH265Config(vps, sps, pps, 'hev1');
  return r.ok ? { ok: true, track: h265VideoTrack(r.config) } : { ok: false, reason: `bad-sps:${r.error}` };
}
