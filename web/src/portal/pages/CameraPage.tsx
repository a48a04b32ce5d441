import { useEffect, useState } from 'react';
import { usePortalT } from '../i18n.ts';
import { Link, useParams } from 'react-router';
import { ApiError, useCamera } from '../api.ts';
import { HlsVideo, type HlsState } from '../../lib/hls/index.ts';
import { CameraBadges } from '../components/CameraBadges.tsx';
import { LoadError, Loading } from '../components/Status.tsx';
import { useTitle } from '../useTitle.ts';

const STATE_TEXT: Partial<Record<HlsState['kind'], string>> = { connecting: 'camera.connecting', stalled: 'camera.stalled', offline: 'camera.offline', gone: 'camera.gone', unsupported: 'camera.unsupported' };

/** One camera: live video while online, its region and category; the same "not found" for hidden and unknown ones. */
export function CameraPage() {
  const { t } = usePortalT();
  const { id = '' } = useParams();
  const cam = useCamera(id);
  const [state, setState] = useState<HlsState>({ kind: 'connecting' });
  // a camera taken off the portal (or gone offline) shows so without a reload; HLS itself stops sooner
  const { reload } = cam;
  useEffect(() => {
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, [reload]);
  const missing = cam.error instanceof ApiError && (cam.error.status === 404 || cam.error.status === 400);
  useTitle(cam.data?.name ?? (missing ? t('camera.notFound') : null));


  if (missing) {
    return (
      <div data-testid="camera-missing">
        <h1>{t('camera.notFound')}</h1>
        <p>{t('camera.notFoundText')}</p>
        <Link to="/">{t('common.back')}</Link>
      </div>
    );
  }
  if (!cam.data) return cam.error ? <LoadError onRetry={cam.reload} /> : <Loading />;
  const c = cam.data;
  const text = c.hls ? STATE_TEXT[state.kind] : 'camera.offline';
  return (
    <article data-testid="camera-page" data-camera-id={c.id}>
      <p><Link to="/">← {t('common.back')}</Link></p>
      <h1>{c.name}</h1>
      <div className="camera-grid">
        <section aria-label={t('camera.live')}>
          <div className="player">
            {c.hls && <HlsVideo src={c.hls} label={t('camera.video', { name: c.name })} onState={setState} />}
            {text && <p className="overlay" role="status" data-testid="player-state">{t(text)}</p>}
          </div>
        </section>
        <section>
          <CameraBadges camera={c} />
          <dl className="facts">
            <dt>{t('camera.region')}</dt>
            <dd>{c.regionName}</dd>
            <dt>{t('camera.category')}</dt>
            <dd>{t(`category.${c.category}`)}</dd>
            <dt>{t('camera.status')}</dt>
            <dd>{t(`status.${c.status}`)}</dd>
          </dl>
        </section>
      </div>
    </article>
  );
}
