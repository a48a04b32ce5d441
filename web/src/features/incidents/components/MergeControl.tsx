import { useState } from 'react';
import { Button, Group, Select } from '@mantine/core';
import type { IncidentDetail } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useDuplicates, useIncidentAction } from '../../../api/incidents.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';

/** Merge this incident into an open one of the same category nearby (CAD practice). */
export function MergeControl({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const near = useDuplicates({ category: incident.category, lat: incident.lat, lng: incident.lng });
  const { merge } = useIncidentAction(incident.id);
  const [into, setInto] = useState<string | null>(null);
  const candidates = (near.data ?? []).filter((d) => d.id !== incident.id);
  if (!['received', 'verified'].includes(incident.status) || !candidates.length) return null;
  return (
    <>
      <Group align="flex-end" gap="xs">
        <Select
          size="xs"
          label={t('incidents.merge.label')}
          placeholder={t('incidents.merge.placeholder')}
          data={candidates.map((d) => ({ value: d.id, label: `${d.ticket} · ${t('incidents.intake.metres', { count: d.distanceM })}` }))}
          value={into}
          onChange={setInto}
          w={280}
        />
        <Button size="xs" variant="light" color="grape" disabled={!into} loading={merge.isPending} onClick={() => into && merge.mutate(into)} data-testid="action-merge">
          {t('incidents.merge.action')}
        </Button>
      </Group>
      {merge.error && <ErrorAlert error={merge.error} title={t('incidents.actions.failed')} />}
    </>
  );
}
