import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { DatasetSummary } from '@pantau/shared';
import { Link } from 'react-router';
import { StateBadge } from './StateBadge.tsx';

/** One search result: title, OPD, description, formats and tags. */
export function DatasetCard({ d, href, showState }: { d: DatasetSummary; href: string; showState: boolean }) {
  return (
    <Card withBorder padding="sm" data-testid="dataset-card">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={href} fw={600}>
            {d.title}
          </Anchor>
          {showState && <StateBadge state={d.state} />}
        </Group>
        <Text size="xs" c="dimmed">
          {d.organization.name} · {d.periode || d.frekuensi}
        </Text>
        {d.description && (
          <Text size="sm" lineClamp={2}>
            {d.description}
          </Text>
        )}
        <Group gap={4}>
          {d.formats.map((f) => (
            <Badge key={f} size="xs" color="teal" variant="filled">
              {f}
            </Badge>
          ))}
          {d.tags.slice(0, 5).map((tag) => (
            <Badge key={tag} size="xs" variant="outline" color="gray">
              {tag}
            </Badge>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
