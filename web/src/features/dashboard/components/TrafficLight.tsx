import { Badge } from '@mantine/core';
import type { TrafficLight as Light } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { LIGHT_COLOR } from '../charts.ts';

/** Hijau / kuning / merah by deviation from the S-curve target. */
export function TrafficLight({ status }: { status: Light }) {
  const { t } = useTranslation();
  return (
    <Badge color={LIGHT_COLOR[status]} variant="filled" autoContrast data-testid={`light-${status}`}>
      {t(`dashboard.light.${status}`)}
    </Badge>
  );
}
