import type { ReactNode } from 'react';
import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { Sort } from './sortRows.ts';

/** A header cell that sorts its table; announces the order to screen readers. */
export function SortTh<K extends string>({ k, sort, onSort, children, right }: { k: K; sort: Sort<K>; onSort: (k: K) => void; children: ReactNode; right?: boolean }) {
  const active = sort.key === k;
  const Icon = !active ? IconArrowsSort : sort.desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : 'none'} style={{ textAlign: right ? 'right' : undefined }}>
      <UnstyledButton onClick={() => onSort(k)} data-testid={`sort-${k}`}>
        <Group gap={4} wrap="nowrap" justify={right ? 'flex-end' : 'flex-start'}>
          {children}
          <Icon size={13} opacity={active ? 1 : 0.4} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
