import { Badge } from '@mantine/core';
import type { Display, PortalTier } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { VISIBILITY_COLOR } from '../../../lib/status.ts';

/** Online, offline or revoked: a revoked display is no longer anyone's screen, whatever its socket says. */
export function DisplayStatusBadge({ display }: { display: Pick<Display, 'state' | 'online'> }) {
  const { t } = useTranslation();
  if (display.state === 'revoked') return <Badge color="gray" variant="outline" data-status="revoked">{t('displays.revoked')}</Badge>;
  return display.online ? (
    <Badge color="green" variant="light" data-status="online">{t('displays.online')}</Badge>
  ) : (
    // a lobby screen that dropped off needs someone to look at it: red, like an offline camera
    <Badge color="red" variant="light" data-status="offline">{t('displays.offline')}</Badge>
  );
}

/** Same colours as the camera visibility badges, so a pimpinan display reads like a pimpinan camera. */
export function TierBadge({ tier }: { tier: PortalTier }) {
  const { t } = useTranslation();
  return (
    <Badge color={VISIBILITY_COLOR[tier]} variant="outline" data-tier={tier}>
      {t(`displays.tierShort.${tier}`)}
    </Badge>
  );
}
