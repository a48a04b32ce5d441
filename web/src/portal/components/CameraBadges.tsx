import { usePortalT } from '../i18n.ts';
import type { PublicCamera } from '../api.ts';

/** Status, category and (for officials) the tier of a camera, as text badges (not colour alone). */
export function CameraBadges({ camera }: { camera: PublicCamera }) {
  const { t } = usePortalT();
  return (
    <div className="meta">
      <span className={`badge ${camera.status}`}>{t(`status.${camera.status}`)}</span>
      <span className="badge cat">{t(`category.${camera.category}`)}</span>
      {camera.tier === 'pimpinan' && <span className="badge pimpinan">{t('tier.pimpinan')}</span>}
      <span className="muted">{camera.regionName}</span>
    </div>
  );
}
