import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled row of a facts table (camera, display details). */
export function InfoRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={180} c="dimmed" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
