import { Anchor, Card, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDataset, useOpendataRole } from '../../../api/opendata.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { DatasetForm } from '../components/DatasetForm.tsx';
import { ResourcesPanel } from '../components/ResourcesPanel.tsx';
import { ReviewActions } from '../components/ReviewActions.tsx';
import { StateBadge } from '../components/StateBadge.tsx';
import { DatasetView } from '../views/DatasetView.tsx';

/** Create or edit a dataset, its resources and its review; read-only once it is out of the produsen's hands. */
export function DatasetEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const role = useOpendataRole();
  const isNew = id === undefined;
  const q = useDataset('console', id);
  if (role.isPending || (!isNew && q.isPending)) return <Center h={200}><Loader /></Center>;
  if (role.isError) return <ErrorAlert error={role.error} onRetry={() => void role.refetch()} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data ?? null;
  const walidata = role.data.walidata;
  const produsen = can('dataset.write') && (!d || d.organization.id === role.data.organizationId);
  const editable = can('dataset.write') && (walidata || (produsen && (d === null || d.state === 'draft')));
  return (
    <Stack gap="md">
      <PageHeader
        title={d ? d.title : t('databank.newDataset')}
        subtitle={<Anchor component={Link} to="/bank-data" size="sm">← {t('databank.consoleTitle')}</Anchor>}
        actions={d && <Group gap="sm"><StateBadge state={d.state} />{d.state === 'published' && <Anchor component={Link} to={`/data/dataset/${d.name}`} size="sm">{t('databank.openPublicPage')}</Anchor>}</Group>}
      />
      {d && (
        <Card withBorder padding="sm">
          <Text fw={600} mb="xs">{t('databank.review')}</Text>
          <ReviewActions d={d} walidata={walidata} produsen={produsen} />
        </Card>
      )}
      {!editable && d && <Text size="sm" c="dimmed">{t('databank.readOnlyHint')}</Text>}
      <Card withBorder padding="sm">
        <DatasetForm key={d?.updatedAt ?? 'new'} dataset={d} ownOrganizationId={role.data.organizationId} walidata={walidata} readOnly={!editable} onSaved={(saved) => isNew && navigate(`/bank-data/${saved.id}`, { replace: true })} />
      </Card>
      {d && <ResourcesPanel d={d} editable={editable} />}
      {d && d.resources.some((r) => r.datastoreActive) && <DatasetView scope="console" d={d} />}
    </Stack>
  );
}
