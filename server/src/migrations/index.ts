import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_recordings.ts';
import * as m0003 from './0003_walls.ts';
import * as m0004 from './0004_media_nodes.ts';
import * as m0005 from './0005_playback.ts';
import * as m0006 from './0006_incidents.ts';
import * as m0007 from './0007_databank.ts';
import * as m0008 from './0008_ppid.ts';
import * as m0009 from './0009_displays.ts';

/** Every migration, in order. The same list serves embedded PGlite and a PostgreSQL server. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_recordings': m0002,
  '0003_walls': m0003,
  '0004_media_nodes': m0004,
  '0005_playback': m0005,
  '0006_incidents': m0006,
  '0007_databank': m0007,
  '0008_ppid': m0008,
  '0009_displays': m0009,
};
