import { useState } from 'react';
import { Button, Checkbox, Group, Modal, MultiSelect, Stack, Textarea } from '@mantine/core';
import { INCIDENT_TRANSITIONS, TRANSITION_TARGETS, type IncidentDetail } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../../../api/tenancy.ts';
import { useIncidentAction } from '../../../api/incidents.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';

type Next = (typeof TRANSITION_TARGETS)[number];
/** The buttons a status offers: the shared state machine minus dispatch and merge, which have their own controls. */
const nextOf = (status: IncidentDetail['status']): Next[] => INCIDENT_TRANSITIONS[status].filter((s): s is Next => (TRANSITION_TARGETS as readonly string[]).includes(s));

/** Status buttons, dispatch to agencies, and taking ownership. */
export function IncidentActions({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const act = useIncidentAction(incident.id);
  const orgs = useOrganizations();
  const [dispatchOpen, setDispatchOpen] = useState(false);
  const [agencies, setAgencies] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [override, setOverride] = useState(false);
  if (!can('incident.manage')) return null;
  const openRequired = incident.checklist.filter((c) => c.required && !c.doneAt).length;
  const canDispatch = ['verified', 'dispatched', 'in_progress', 'on_hold'].includes(incident.status);
  const error = act.transition.error ?? act.dispatch.error ?? act.claim.error;
  const label = (to: Next) => (to === 'in_progress' && ['resolved', 'closed'].includes(incident.status) ? t('incidents.actions.reopen') : t(`incidents.actions.${to}`));

  return (
    <Stack gap="xs">
      <Group gap="xs">
        {nextOf(incident.status).map((to) => (
          <Button
            key={to}
            size="xs"
            variant={to === 'rejected' ? 'light' : 'filled'}
            color={to === 'rejected' ? 'red' : to === 'resolved' ? 'green' : undefined}
            disabled={to === 'resolved' && openRequired > 0 && !override}
            loading={act.transition.isPending && act.transition.variables?.to === to}
            onClick={() => act.transition.mutate({ to, note: null, overrideSop: to === 'resolved' && override })}
            data-testid={`action-${to}`}
          >
            {label(to)}
          </Button>
        ))}
        {canDispatch && (
          <Button size="xs" color="indigo" onClick={() => setDispatchOpen(true)} data-testid="action-dispatch">
            {t('incidents.actions.dispatch')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={() => act.claim.mutate()} loading={act.claim.isPending} data-testid="action-claim">
          {t('incidents.actions.claim')}
        </Button>
      </Group>
      {openRequired > 0 && nextOf(incident.status).includes('resolved') && can('incident.supervise') && (
        <Checkbox label={t('incidents.actions.overrideSop', { count: openRequired })} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} data-testid="override-sop" />
      )}
      {error && <ErrorAlert error={error} title={t('incidents.actions.failed')} />}
      <Modal opened={dispatchOpen} onClose={() => setDispatchOpen(false)} title={t('incidents.dispatch.title')}>
        <Stack>
          <MultiSelect
            label={t('incidents.dispatch.agencies')}
            description={t('incidents.dispatch.agenciesHint')}
            data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
            value={agencies}
            onChange={setAgencies}
            searchable
            data-testid="dispatch-agencies"
          />
          <Textarea label={t('incidents.dispatch.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          {act.dispatch.error && <ErrorAlert error={act.dispatch.error} title={t('incidents.actions.failed')} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDispatchOpen(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={act.dispatch.isPending}
              data-testid="dispatch-confirm"
              onClick={() => act.dispatch.mutate({ organizationIds: agencies, note: note.trim() || null }, { onSuccess: () => (setDispatchOpen(false), setAgencies([]), setNote('')) })}
            >
              {t('incidents.dispatch.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
