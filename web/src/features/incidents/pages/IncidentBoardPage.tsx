import { useCallback, useState } from 'react';
import { Button, Grid, Group, Paper, Select, Skeleton, Switch, TextInput } from '@mantine/core';
import { INCIDENT_PRIORITIES, type IncidentPriority } from '@pantau/shared';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useIncidentCategories, useIncidents } from '../../../api/incidents.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { IncidentTable } from '../components/IncidentTable.tsx';
import { IncidentMap } from '../components/IncidentMap.tsx';
import { useIncidentLive } from '../hooks/useIncidentLive.ts';
import { NotificationsMenu } from '../components/NotificationsMenu.tsx';

/** The operator board: live list and map of active incidents, filters, a sound for critical ones. */
export function IncidentBoardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [category, setCategory] = useState<string | null>(null);
  const [priority, setPriority] = useState<IncidentPriority | null>(null);
  const [q, setQ] = useState('');
  const [sound, setSound] = useState(true);
  useIncidentLive({ sound });
  const categories = useIncidentCategories();
  const list = useIncidents({ status: 'active', category: category ?? undefined, priority: priority ?? undefined, q: q.trim() || undefined });
  const open = useCallback((id: string) => void navigate(`/insiden/${id}`), [navigate]);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('incidents.board.title')}
        subtitle={t('incidents.board.subtitle', { count: list.data?.total ?? 0 })}
        actions={
          <>
            <NotificationsMenu />
            {can('incident.create') && (
              <Button component={Link} to="/insiden/baru" leftSection={<IconPlus size={16} />} data-testid="incident-new">
                {t('incidents.board.new')}
              </Button>
            )}
          </>
        }
      />
      <Group mb="sm" gap="sm" align="flex-end">
        <TextInput label={t('common.search')} placeholder={t('incidents.board.searchHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220} />
        <Select label={t('incidents.fields.category')} clearable data={(categories.data ?? []).map((c) => ({ value: c.code, label: t(`incidents.category.${c.code}`, { defaultValue: c.name }) }))} value={category} onChange={setCategory} w={220} />
        <Select label={t('incidents.fields.priority')} clearable data={INCIDENT_PRIORITIES.map((p) => ({ value: p, label: t(`incidents.priority.${p}`) }))} value={priority} onChange={(v) => setPriority(v as IncidentPriority | null)} w={160} />
        <Switch label={t('incidents.board.sound')} checked={sound} onChange={(e) => setSound(e.currentTarget.checked)} mb={8} />
      </Group>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, xl: 8 }}>
          <Paper withBorder p="xs">
            {list.isPending ? <Skeleton height={240} /> : items.length === 0 ? <EmptyState title={t('incidents.board.empty')} body={t('incidents.board.emptyHint')} /> : <IncidentTable items={items} />}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, xl: 4 }}>
          <Paper withBorder style={{ overflow: 'hidden' }}>
            <IncidentMap incidents={items} onOpen={open} height={480} />
          </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
