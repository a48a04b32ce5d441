import { useEffect, useRef } from 'react';
import { Alert, Autocomplete, Button, Grid, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { INCIDENT_PRIORITIES, type IncidentPriority } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useDuplicates } from '../../../api/incidents.ts';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LocationMap } from '../../../components/map/LocationMap.tsx';
import { useCallTakerForm } from '../hooks/useCallTakerForm.ts';
import { IncidentStatusBadge } from '../components/IncidentBadges.tsx';

/**
 * The 112 call-taker form, keyboard first: the caller's number has focus, Tab walks the fields in
 * the order of the conversation, Ctrl+Enter saves from anywhere.
 */
export function CallTakerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const f = useCallTakerForm();
  const { state, set, missing } = f;
  const form = useRef<HTMLFormElement>(null);
  const nearby = useDuplicates({ category: state.category ?? '', lat: state.lat, lng: state.lng });

  const save = async () => {
    const inc = await f.submit().catch(() => null);
    if (inc) void navigate(`/insiden/${inc.id}`);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.current?.requestSubmit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <PageHeader title={t('incidents.intake.title')} subtitle={t('incidents.intake.subtitle')} />
      <form ref={form} onSubmit={(e) => (e.preventDefault(), void save())} data-testid="call-taker-form">
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <SegmentedControl value={state.channel} onChange={(v) => set('channel', v as 'call_112' | 'cctv')} data={[{ value: 'call_112', label: t('incidents.channel.call_112') }, { value: 'cctv', label: t('incidents.channel.cctv') }]} />
              <Group grow>
                <TextInput label={t('incidents.intake.phone')} value={state.phone} onChange={(e) => set('phone', e.currentTarget.value)} autoFocus data-testid="intake-phone" inputMode="tel" />
                <TextInput label={t('incidents.intake.name')} value={state.name} onChange={(e) => set('name', e.currentTarget.value)} data-testid="intake-name" />
              </Group>
              <Group grow>
                <Select
                  label={t('incidents.fields.category')}
                  required
                  searchable
                  data={(f.categories.data ?? []).filter((c) => c.active).map((c) => ({ value: c.code, label: t(`incidents.category.${c.code}`, { defaultValue: c.name }) }))}
                  value={state.category}
                  onChange={f.pickCategory}
                  error={missing?.category && t('incidents.intake.required')}
                  data-testid="intake-category"
                />
                <Select label={t('incidents.fields.priority')} data={INCIDENT_PRIORITIES.map((p) => ({ value: p, label: t(`incidents.priority.${p}`) }))} value={state.priority} onChange={(v) => set('priority', v as IncidentPriority | null)} data-testid="intake-priority" />
              </Group>
              <Autocomplete label={t('incidents.intake.place')} description={t('incidents.intake.placeHint')} data={f.places.map((p) => p.name)} value={state.place} onChange={(v) => (f.places.some((p) => p.name === v) ? f.pickPlace(v) : set('place', v))} limit={8} data-testid="intake-place" />
              <TextInput label={t('incidents.fields.address')} value={state.address} onChange={(e) => set('address', e.currentTarget.value)} data-testid="intake-address" />
              <Textarea label={t('incidents.intake.notes')} required autosize minRows={3} value={state.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={missing?.notes && t('incidents.intake.required')} data-testid="intake-notes" />
              {f.create.error && <ErrorAlert error={f.create.error} title={t('incidents.intake.failed')} />}
              <Group>
                <Button type="submit" loading={f.create.isPending} data-testid="intake-save">
                  {t('incidents.intake.save')}
                </Button>
                <Text size="xs" c="dimmed">
                  {t('incidents.intake.shortcut')}
                </Text>
              </Group>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="sm">
              <Paper withBorder style={{ overflow: 'hidden' }}>
                <LocationMap lat={state.lat} lng={state.lng} onPick={(lat, lng) => (set('lat', lat), set('lng', lng))} height={300} testId="intake-map" />
              </Paper>
              <Text size="sm" c={missing?.location ? 'red' : 'dimmed'} data-testid="intake-coords">
                {state.lat !== null && state.lng !== null ? `${state.lat.toFixed(5)}, ${state.lng.toFixed(5)}` : t('incidents.intake.pickOnMap')}
              </Text>
              {(nearby.data?.length ?? 0) > 0 && (
                <Alert color="yellow" title={t('incidents.intake.nearby', { count: nearby.data!.length })} data-testid="intake-nearby">
                  <Stack gap={4}>
                    {nearby.data!.map((d) => (
                      <Group key={d.id} gap="xs">
                        <Text component={Link} to={`/insiden/${d.id}`} size="sm" fw={600} c="blue">
                          {d.ticket}
                        </Text>
                        <IncidentStatusBadge status={d.status} />
                        <Text size="xs">{t('incidents.intake.metres', { count: d.distanceM })}</Text>
                      </Group>
                    ))}
                  </Stack>
                </Alert>
              )}
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}
