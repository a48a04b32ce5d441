import type { ReactNode } from 'react';
import { Card, Text } from '@mantine/core';

/** One headline figure, large enough to read on a wall display. */
export function KpiCard({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>{label}</Text>
      <Text fz={{ base: 26, lg: 34 }} fw={700} className="mono">{value}</Text>
      {hint && <Text size="sm" c="dimmed">{hint}</Text>}
    </Card>
  );
}
