import { useMemo } from 'react';
import { Button } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { MINUTE } from '../../../components/timeline/time.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { CameraChooser } from '../components/CameraChooser.tsx';
import { MAX_CAMERAS } from '../hooks/playbackModel.ts';
import '../playback.css';
import { PlaybackView } from '../views/PlaybackView.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `?cameras=a,b,c`: at most nine distinct camera ids, in order. */
function parseCameras(v: string | null): string[] {
  return [...new Set((v ?? '').split(',').filter((id) => UUID.test(id)))].slice(0, MAX_CAMERAS);
}

/** `?t=ISO`, or five minutes ago (just behind live: the usual "what just happened"). */
function parseStart(v: string | null): number {
  const ms = v ? Date.parse(v) : NaN;
  return Number.isNaN(ms) ? Date.now() - 5 * MINUTE : ms;
}

/** `/putar-ulang?cameras=<id,…>&t=<ISO>`: the cameras and the instant live in the URL, so a view can be shared. */
export function PlaybackPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const markers = useCameraMarkers({});
  const tParam = params.get('t');
  const ids = useMemo(() => parseCameras(params.get('cameras')), [params]);
  const initialT = useMemo(() => parseStart(tParam), [tParam]);
  const names = useMemo(() => new Map((markers.data ?? []).map((c) => [c.id, c.name])), [markers.data]);
  const cameras = useMemo(() => ids.map((id) => ({ id, name: names.get(id) ?? '…' })), [ids, names]);

  const setIds = (next: string[]) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        if (next.length) q.set('cameras', next.join(','));
        else q.delete('cameras');
        return q;
      },
      { replace: true },
    );

  return (
    <>
      <PageHeader
        title={t('playback.title')}
        subtitle={t('playback.subtitle')}
        actions={
          <>
            <CameraChooser cameras={markers.data} value={ids} onChange={setIds} />
            {can('recording.export') && (
              <Button component={Link} to="/ekspor" variant="default" size="xs" leftSection={<IconFileExport size={14} />} data-testid="playback-exports-link">
                {t('playback.exportsTitle')}
              </Button>
            )}
          </>
        }
      />
      {markers.isError && <ErrorAlert error={markers.error} onRetry={() => void markers.refetch()} />}
      <PlaybackView
        // A new `t` in the URL (another link) starts a new session at that instant.
        key={tParam ?? ''}
        cameras={cameras}
        initialT={initialT}
        can={{ bookmark: can('bookmark.write'), export: can('recording.export'), hold: can('evidence.hold'), release: can('evidence.release') }}
        onAddCamera={(id) => {
          if (ids.length >= MAX_CAMERAS) return false;
          setIds([...ids, id]);
          return true;
        }}
        onLive={(id) => void navigate(`/cameras/${id}`)}
      />
    </>
  );
}
