import { Skeleton, Table } from '@mantine/core';

/** Placeholder rows while a table's first page loads. */
export function SkeletonRows({ rows = 8, cols }: { rows?: number; cols: number }) {
  return Array.from({ length: rows }, (_, r) => (
    <Table.Tr key={r}>
      {Array.from({ length: cols }, (_, c) => (
        <Table.Td key={c}>
          <Skeleton height={14} radius="sm" width={c === 1 ? '80%' : '60%'} />
        </Table.Td>
      ))}
    </Table.Tr>
  ));
}
