import { Badge } from '@mantine/core';
import type { CameraStatus, Visibility } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { STATUS_BADGE, VISIBILITY_COLOR } from '../../lib/status.ts';

export function StatusBadge({ status }: { status: CameraStatus }) {
  const { t } = useTranslation();
  const s = STATUS_BADGE[status];
  return (
    <Badge color={s.color} variant={s.variant} data-status={status} styles={status === 'disabled' ? { root: { border: '1px solid var(--mantine-color-dark-3)' } } : undefined}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export function VisibilityBadge({ visibility }: { visibility: Visibility }) {
  const { t } = useTranslation();
  return (
    <Badge color={VISIBILITY_COLOR[visibility]} variant="outline">
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}
