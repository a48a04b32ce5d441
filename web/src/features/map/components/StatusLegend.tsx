import { Group, Paper, Stack, Text } from '@mantine/core';
import { CAMERA_STATUSES, type CameraMarker } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { STATUS_HEX } from '../../../lib/status.ts';

/** Colour key of the camera dots, with how many cameras are in each status. */
export function StatusLegend({ markers }: { markers: CameraMarker[] }) {
  const { t } = useTranslation();
  const counts = new Map<string, number>();
  for (const m of markers) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      style={{ position: 'absolute', left: 10, top: 10, background: 'rgba(18, 26, 35, 0.88)', zIndex: 1 }}
      data-testid="map-legend"
    >
      <Stack gap={4}>
        {CAMERA_STATUSES.map((s) => (
          <Group key={s} gap={8} wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap">
              <span
                style={{ width: 10, height: 10, borderRadius: '50%', background: STATUS_HEX[s], border: '1px solid #ffffff88', display: 'inline-block' }}
              />
              <Text size="xs">{t(`status.${s}`)}</Text>
            </Group>
            <Text size="xs" c="dimmed" className="mono">
              {counts.get(s) ?? 0}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
