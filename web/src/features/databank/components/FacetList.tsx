import { Badge, NavLink, Stack, Text } from '@mantine/core';
import type { FacetItem } from '@pantau/shared';

interface Props {
  title: string;
  items: FacetItem[];
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
}

/** One facet of the catalog: values with counts; choosing the selected one again clears it. */
export function FacetList({ title, items, selected, onSelect }: Props) {
  if (items.length === 0 && !selected) return null;
  return (
    <Stack gap={2}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="xs">
        {title}
      </Text>
      {items.slice(0, 12).map((i) => (
        <NavLink
          key={i.name}
          label={i.displayName}
          active={selected === i.name}
          onClick={() => onSelect(selected === i.name ? undefined : i.name)}
          rightSection={<Badge size="xs" variant="light" color="gray">{i.count}</Badge>}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
          py={4}
        />
      ))}
    </Stack>
  );
}
