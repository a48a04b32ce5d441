import { Alert, Table } from '@mantine/core';
import type { ImportRowError } from '@pantau/shared';
import { useTranslation } from 'react-i18next';

/** Every bad row of a rejected upload, with the promise that nothing was saved. */
export function RowErrors({ errors, rows }: { errors: ImportRowError[]; rows: number }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('databank.upload.failed', { count: errors.length, rows })} data-testid="upload-errors">
      <Table.ScrollContainer minWidth={400} mah={300}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('databank.upload.line')}</Table.Th>
              <Table.Th w={160}>{t('databank.upload.column')}</Table.Th>
              <Table.Th>{t('databank.upload.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.line}-${i}`}>
                <Table.Td className="mono">{e.line}</Table.Td>
                <Table.Td className="mono">{e.column ?? '—'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}
