import { useState } from 'react';
import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { INFO_CATEGORIES } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { usePublicRegistry } from '../../../api/ppid.ts';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';

const PAGE = 12;

/** The published Daftar Informasi Publik, searchable by anyone. */
export function PublicRegistryPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q.trim(), 300);
  const [category, setCategory] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const items = usePublicRegistry({ q: dq || undefined, category, limit: PAGE, offset: (page - 1) * PAGE });
  return (
    <Stack gap="md">
      <Title order={2}>{t('ppid.public.registry')}</Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('common.search')} placeholder={t('ppid.registry.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => (setQ(e.currentTarget.value), setPage(1))} w={{ base: '100%', sm: 320 }} data-testid="registry-search" />
        <Select label={t('ppid.registry.category')} placeholder={t('common.all')} data={INFO_CATEGORIES.filter((c) => c !== 'dikecualikan').map((c) => ({ value: c, label: t(`ppid.categories.${c}`) }))} value={category} onChange={(v) => (setCategory(v), setPage(1))} clearable />
      </Group>
      {items.isError ? (
        <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      ) : items.isPending ? (
        <Skeleton height={120} />
      ) : items.data.items.length === 0 ? (
        <EmptyState title={t('ppid.registry.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          {items.data.items.map((i) => (
            <Paper key={i.id} withBorder p="md" radius="md" data-testid="registry-item">
              <Group justify="space-between" mb={4}>
                <Badge variant="light">{t(`ppid.categories.${i.category}`)}</Badge>
                <Text size="xs" c="dimmed">
                  {i.period}
                </Text>
              </Group>
              <Text fw={600}>{i.title}</Text>
              <Text size="sm" c="dimmed">
                {i.organizationName}
              </Text>
              {i.summary && <Text size="sm">{i.summary}</Text>}
              {i.documents.map((d) => (
                <Anchor key={d.id} href={`/api/public/ppid/registry/documents/${d.id}`} size="sm" display="block">
                  {d.filename}
                </Anchor>
              ))}
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {items.data && items.data.total > 0 && <Paging total={items.data.total} page={page} pageSize={PAGE} onPage={setPage} />}
    </Stack>
  );
}
