import type { PlaybackItem } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import type { MasterClock } from '../hooks/masterClock.ts';
import { gridColumns } from '../hooks/playbackModel.ts';
import type { CameraPlayback } from '../hooks/usePlaybackItems.ts';
import { PlaybackTile } from './PlaybackTile.tsx';

interface Props {
  cameras: { id: string; name: string }[];
  playback: Map<string, CameraPlayback>;
  clock: MasterClock;
  focusedId: string | null;
  onFocus: (id: string) => void;
}

const NO_ITEMS: PlaybackItem[] = [];

/** The synchronized grid: 1, 2×2 or 3×3 tiles on one clock. */
export function PlaybackGrid({ cameras, playback, clock, focusedId, onFocus }: Props) {
  const { t } = useTranslation();
  if (cameras.length === 0) return <EmptyState title={t('playback.pickCameras')} body={t('playback.pickCamerasHint')} />;
  const cols = gridColumns(cameras.length);
  return (
    <div className="pb-grid" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }} data-testid="playback-grid" data-cols={cols}>
      {cameras.map((c) => (
        <PlaybackTile
          key={c.id}
          cameraId={c.id}
          name={c.name}
          clock={clock}
          items={playback.get(c.id)?.items ?? NO_ITEMS}
          error={playback.get(c.id)?.error ?? null}
          focused={c.id === focusedId}
          onFocus={() => onFocus(c.id)}
        />
      ))}
    </div>
  );
}
