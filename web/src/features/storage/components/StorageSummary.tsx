import { Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Storage } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatDays } from '../format.ts';

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} fz={22} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** Totals: used against the budget (with held video marked), the volume's free space, the daily rate and how long the budget lasts. */
export function StorageSummary({ s }: { s: Storage }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const usedPct = s.budgetBytes > 0 ? Math.min(100, (s.totalBytes / s.budgetBytes) * 100) : 0;
  const heldPct = s.budgetBytes > 0 ? Math.min(usedPct, (s.heldBytes / s.budgetBytes) * 100) : 0;
  const volumePct = s.volume && s.volume.sizeBytes > 0 ? ((s.volume.sizeBytes - s.volume.freeBytes) / s.volume.sizeBytes) * 100 : null;
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb={6}>
          <Text fw={600}>{t('playback.storage.budget')}</Text>
          <Text size="sm" data-testid="storage-used">
            {t('playback.storage.usedOf', { used: formatBytes(s.totalBytes, lang), budget: formatBytes(s.budgetBytes, lang), pct: Math.round(usedPct) })}
          </Text>
        </Group>
        <Progress.Root size="xl" aria-label={t('playback.storage.budget')}>
          <Progress.Section value={heldPct} color="orange">
            <Progress.Label>{heldPct >= 8 ? t('playback.storage.held') : ''}</Progress.Label>
          </Progress.Section>
          <Progress.Section value={usedPct - heldPct} color={usedPct > 90 ? 'red' : 'cyan'} />
        </Progress.Root>
        <Text size="xs" c="dimmed" mt={6}>
          {t('playback.storage.budgetHint', { held: formatBytes(s.heldBytes, lang) })}
        </Text>
      </Paper>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Stat label={t('playback.storage.perDay')} value={formatBytes(s.bytesPerDay, lang)} />
        <Stat
          label={t('playback.storage.projected')}
          value={s.projectedDays === null ? '—' : t('playback.storage.days', { count: Math.round(s.projectedDays) })}
          hint={t('playback.storage.projectedHint')}
          testId="storage-projected"
        />
        <Stat
          label={t('playback.storage.defaultRetention')}
          value={s.defaultRetentionDays === null ? t('playback.storage.untilBudget') : t('playback.storage.days', { count: s.defaultRetentionDays })}
        />
        <Stat
          label={t('playback.storage.volumeFree')}
          value={s.volume ? formatBytes(s.volume.freeBytes, lang) : '—'}
          hint={s.volume ? t('playback.storage.volumeOf', { size: formatBytes(s.volume.sizeBytes, lang), pct: formatDays(volumePct, lang) }) : t('playback.storage.volumeUnknown')}
        />
      </SimpleGrid>
    </Stack>
  );
}
