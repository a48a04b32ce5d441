import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { usePortalT } from '../i18n.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCameras, type PublicCamera } from '../api.ts';
import { usePortal } from '../context.ts';
import { CAMERA_CATEGORY_CODES } from '../labels.ts';
import { CameraBadges } from '../components/CameraBadges.tsx';
import { LoadError, Loading } from '../components/Status.tsx';
import { useTitle } from '../useTitle.ts';

const CameraMap = lazy(() => import('../components/LeafletMap.tsx').then((m) => ({ default: m.CameraMap })));

/** Home: filters (kept in the query string, so a filtered view can be shared), map and list by region. */
export function HomePage() {
  const { t } = usePortalT();
  useTitle(t('home.title'));
  const info = usePortal();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const region = params.get('wilayah') ?? '';
  const category = params.get('kategori') ?? '';
  const q = params.get('q') ?? '';
  const apiQs = new URLSearchParams({ ...(region && { region }), ...(category && { category }), ...(q.trim() && { q: q.trim() }) }).toString();
  const list = useCameras(apiQs);
  // statuses change (a camera goes offline, one is taken off the portal): refresh now and then
  const { reload } = list;
  useEffect(() => {
    const timer = setInterval(reload, 60_000);
    return () => clearInterval(timer);
  }, [reload]);
  // regions for the filter come from the unfiltered list, so choosing one does not hide the others;
  // with no filter set that list is the one already loaded
  const unfiltered = useCameras(apiQs ? '' : null);
  const all = apiQs ? unfiltered : list;

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const statusLabel = useCallback((c: PublicCamera) => t(`status.${c.status}`), [t]);
  const groups = useMemo(() => {
    const by = new Map<string, { name: string; cameras: PublicCamera[] }>();
    for (const c of list.data?.cameras ?? []) {
      const code = c.regionCode.split('.').slice(0, 2).join('.');
      const name = list.data?.regions.find((r) => r.code === code)?.name ?? c.regionName;
      const g = by.get(code) ?? { name, cameras: [] };
      g.cameras.push(c);
      by.set(code, g);
    }
    return [...by.entries()];
  }, [list.data]);

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="muted">{t('home.intro')}</p>
      <fieldset className="filters">
        <legend>{t('home.filters')}</legend>
        <div className="field">
          <label htmlFor="f-region">{t('home.region')}</label>
          <select id="f-region" value={region} onChange={(e) => set('wilayah', e.target.value)} data-testid="filter-region">
            <option value="">{t('home.all')}</option>
            {(all.data?.regions ?? []).map((r) => <option key={r.code} value={r.code}>{r.name} ({r.cameras})</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-category">{t('home.category')}</label>
          <select id="f-category" value={category} onChange={(e) => set('kategori', e.target.value)} data-testid="filter-category">
            <option value="">{t('home.all')}</option>
            {CAMERA_CATEGORY_CODES.map((c) => <option key={c} value={c}>{t(`category.${c}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-q">{t('home.search')}</label>
          <input id="f-q" type="search" value={q} onChange={(e) => set('q', e.target.value)} maxLength={100} data-testid="filter-q" />
        </div>
      </fieldset>
      {list.error && <LoadError onRetry={list.reload} />}
      <div className="home-grid">
        <section aria-labelledby="map-h">
          <h2 id="map-h" className="visually-hidden">{t('home.map')}</h2>
          <Suspense fallback={<div className="map" />}>
            <CameraMap cameras={list.data?.cameras ?? []} tileUrl={info?.mapTileUrl ?? null} attribution={info?.mapAttribution ?? null} label={t('home.map')} statusLabel={statusLabel} onOpen={(id) => void navigate(`/kamera/${id}`)} />
          </Suspense>
        </section>
        <section aria-labelledby="list-h">
          <h2 id="list-h">{t('home.list')} <span className="muted" role="status" data-testid="camera-count">{list.data ? t('home.count', { count: list.data.cameras.length }) : ''}</span></h2>
          {list.loading && !list.data && <Loading />}
          {list.data && list.data.cameras.length === 0 && <p>{t('home.empty')}</p>}
          {groups.map(([code, g]) => (
            <div key={code} className="region">
              <h3>{g.name}</h3>
              <ul className="cams">
                {g.cameras.map((c) => (
                  <li key={c.id} className="cam" data-testid="camera-item" data-camera-id={c.id} data-tier={c.tier}>
                    <Link className="cam-name" to={`/kamera/${c.id}`}>{c.name}</Link>
                    <CameraBadges camera={c} />
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </>
  );
}
