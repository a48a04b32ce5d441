import { useState } from 'react';
import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { SlaRule } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useIncidentCategories, useIncidentConfig, useRouting, useSla } from '../../../../api/incidents.ts';
import { useOrganizations, useRegions } from '../../../../api/tenancy.ts';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert.tsx';

/** Routing rules category × region → agency. */
export function RoutingEditor() {
  const { t } = useTranslation();
  const rules = useRouting();
  const categories = useIncidentCategories();
  const orgs = useOrganizations();
  const regions = useRegions();
  const { addRouting, removeRouting } = useIncidentConfig();
  const [draft, setDraft] = useState<{ category: string | null; regionCode: string | null; organizationId: string | null }>({ category: null, regionCode: null, organizationId: null });
  const cat = (c: string) => t(`incidents.category.${c}`, { defaultValue: c });
  return (
    <Stack gap="sm">
      {rules.error && <ErrorAlert error={rules.error} />}
      <Table>
        <Table.Thead>
          <Table.Tr><Table.Th>{t('incidents.fields.category')}</Table.Th><Table.Th>{t('incidents.stats.region')}</Table.Th><Table.Th>{t('incidents.stats.agency')}</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(rules.data ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{cat(r.category)}</Table.Td>
              <Table.Td>{r.regionCode ?? t('incidents.settings.everywhere')}</Table.Td>
              <Table.Td>{r.organizationName}</Table.Td>
              <Table.Td><ActionIcon variant="subtle" color="red" onClick={() => removeRouting.mutate(r.id)} aria-label={t('common.delete')}><IconTrash size={16} /></ActionIcon></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end" gap="xs">
        <Select label={t('incidents.fields.category')} data={(categories.data ?? []).map((c) => ({ value: c.code, label: cat(c.code) }))} value={draft.category} onChange={(v) => setDraft((d) => ({ ...d, category: v }))} />
        <Select label={t('incidents.stats.region')} clearable placeholder={t('incidents.settings.everywhere')} data={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.code} ${r.name}` }))} value={draft.regionCode} onChange={(v) => setDraft((d) => ({ ...d, regionCode: v }))} />
        <Select label={t('incidents.stats.agency')} data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={draft.organizationId} onChange={(v) => setDraft((d) => ({ ...d, organizationId: v }))} />
        <Button disabled={!draft.category || !draft.organizationId} loading={addRouting.isPending} onClick={() => addRouting.mutate({ category: draft.category!, regionCode: draft.regionCode, organizationId: draft.organizationId! })}>
          {t('incidents.settings.addRule')}
        </Button>
      </Group>
      {(addRouting.error ?? removeRouting.error) && <ErrorAlert error={addRouting.error ?? removeRouting.error} />}
    </Stack>
  );
}

/** Default SLA per priority (minutes); per-category overrides through the API. */
export function SlaEditor() {
  const { t } = useTranslation();
  const sla = useSla();
  const { saveSla } = useIncidentConfig();
  const [edits, setEdits] = useState<Record<string, SlaRule>>({});
  const key = (r: SlaRule) => `${r.category ?? '*'}:${r.priority}`;
  return (
    <Stack gap="sm">
      {sla.error && <ErrorAlert error={sla.error} />}
      <Table>
        <Table.Thead>
          <Table.Tr><Table.Th>{t('incidents.fields.category')}</Table.Th><Table.Th>{t('incidents.fields.priority')}</Table.Th><Table.Th>{t('incidents.settings.responseMinutes')}</Table.Th><Table.Th>{t('incidents.settings.resolveMinutes')}</Table.Th><Table.Th /></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(sla.data ?? []).map((r) => {
            const e = edits[key(r)] ?? r;
            const set = (v: Partial<SlaRule>) => setEdits((m) => ({ ...m, [key(r)]: { ...e, ...v } }));
            return (
              <Table.Tr key={key(r)}>
                <Table.Td>{r.category ? t(`incidents.category.${r.category}`, { defaultValue: r.category }) : t('incidents.settings.allCategories')}</Table.Td>
                <Table.Td>{t(`incidents.priority.${r.priority}`)}</Table.Td>
                <Table.Td><NumberInput min={1} value={e.responseMinutes} onChange={(v) => set({ responseMinutes: Number(v) })} w={120} /></Table.Td>
                <Table.Td><NumberInput min={1} value={e.resolveMinutes} onChange={(v) => set({ resolveMinutes: Number(v) })} w={120} /></Table.Td>
                <Table.Td><Button size="xs" variant="default" disabled={!edits[key(r)]} onClick={() => saveSla.mutate(e, { onSuccess: () => setEdits((m) => Object.fromEntries(Object.entries(m).filter(([k]) => k !== key(r)))) })}>{t('common.save')}</Button></Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {saveSla.error && <ErrorAlert error={saveSla.error} />}
    </Stack>
  );
}
