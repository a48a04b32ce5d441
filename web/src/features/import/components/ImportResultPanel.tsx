import { Alert, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportOutcome } from '../hooks/useCameraImport.ts';

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="sm" radius="md" miw={120}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={26} fw={700} className="mono">
        {value}
      </Text>
    </Paper>
  );
}

/** Either the counts of a good file or every bad row, with the promise that nothing was saved. */
export function ImportResultPanel({ outcome }: { outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const { result, dryRun } = outcome;
  if (result.ok) {
    return (
      <Paper withBorder radius="md" p="md" data-testid="import-result">
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} mb="md" title={dryRun ? t('import.checkOkTitle') : t('import.doneTitle')}>
          {dryRun ? t('import.checkOkBody') : t('import.doneBody')}
        </Alert>
        <Group>
          <Stat label={t('import.rows')} value={result.rows} />
          <Stat label={dryRun ? t('import.willCreate') : t('import.created')} value={result.created} />
          <Stat label={dryRun ? t('import.willUpdate') : t('import.updated')} value={result.updated} />
        </Group>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" p="md" data-testid="import-result">
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mb="md" title={t('import.failedTitle', { count: result.errors.length })}>
        <strong>{t('import.nothingSaved')}</strong> {t('import.fixAndRetry', { rows: result.rows })}
      </Alert>
      <Title order={5} mb="xs">
        {t('import.errorTable')}
      </Title>
      <Table.ScrollContainer minWidth={500} mah={480}>
        <Table striped stickyHeader data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{t('import.line')}</Table.Th>
              <Table.Th w={160}>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e, i) => (
              <Table.Tr key={`${e.line}-${e.column ?? ''}-${i}`}>
                <Table.Td className="mono">{e.line}</Table.Td>
                <Table.Td className="mono">{e.column ?? '—'}</Table.Td>
                <Table.Td style={{ wordBreak: 'break-word' }}>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
