import { useEffect, useState } from 'react';
import { ActionIcon, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIncidentCategories, useIncidentConfig, useSop } from '../../../../api/incidents.ts';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert.tsx';

type Step = { title: string; required: boolean };

/** Ordered SOP checklist of one category; saving replaces it for new incidents. */
export function SopEditor() {
  const { t } = useTranslation();
  const categories = useIncidentCategories();
  const [category, setCategory] = useState<string | null>('kebakaran');
  const sop = useSop(category);
  const { saveSop } = useIncidentConfig();
  const [steps, setSteps] = useState<Step[]>([]);
  useEffect(() => setSteps((sop.data ?? []).map((s) => ({ title: s.title, required: s.required }))), [sop.data]);
  const edit = (i: number, v: Partial<Step>) => setSteps((l) => l.map((s, j) => (j === i ? { ...s, ...v } : s)));
  const move = (i: number, d: -1 | 1) => setSteps((l) => {
    const c = [...l];
    [c[i], c[i + d]] = [c[i + d]!, c[i]!];
    return c;
  });
  return (
    <Stack gap="sm" data-testid="sop-editor">
      <Select label={t('incidents.fields.category')} data={(categories.data ?? []).map((c) => ({ value: c.code, label: t(`incidents.category.${c.code}`, { defaultValue: c.name }) }))} value={category} onChange={setCategory} w={280} />
      {sop.error && <ErrorAlert error={sop.error} />}
      {steps.map((s, i) => (
        <Group key={i} gap="xs" wrap="nowrap" data-testid="sop-editor-step">
          <Text w={20}>{i + 1}.</Text>
          <TextInput style={{ flex: 1 }} value={s.title} onChange={(e) => edit(i, { title: e.currentTarget.value })} aria-label={t('incidents.settings.stepTitle')} />
          <Checkbox label={t('incidents.sop.required')} checked={s.required} onChange={(e) => edit(i, { required: e.currentTarget.checked })} />
          <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('incidents.settings.up')}><IconArrowUp size={16} /></ActionIcon>
          <ActionIcon variant="subtle" disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label={t('incidents.settings.down')}><IconArrowDown size={16} /></ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={() => setSteps((l) => l.filter((_, j) => j !== i))} aria-label={t('common.delete')}><IconTrash size={16} /></ActionIcon>
        </Group>
      ))}
      <Group>
        <Button variant="default" onClick={() => setSteps((l) => [...l, { title: '', required: false }])} data-testid="sop-add-step">{t('incidents.settings.addStep')}</Button>
        <Button data-testid="sop-save" disabled={!category || steps.some((s) => !s.title.trim())} loading={saveSop.isPending} onClick={() => saveSop.mutate({ category: category!, steps: steps.map((s) => ({ ...s, title: s.title.trim() })) })}>
          {t('common.save')}
        </Button>
      </Group>
      {saveSop.error && <ErrorAlert error={saveSop.error} />}
    </Stack>
  );
}
