import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Modal, MultiSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import type { WallLayout, WallTour } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useDeleteTour, useSaveTour } from '../../../api/walls.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { wallPortal } from './portal.ts';

interface Draft {
  id: string | null;
  name: string;
  dwellSeconds: number | string;
  layoutIds: string[];
}

const EMPTY: Draft = { id: null, name: '', dwellSeconds: 30, layoutIds: [] };

/** Create, edit and delete tours: a name, seconds per layout, and the layouts in order. */
export function TourModal({ opened, onClose, tours, layouts }: { opened: boolean; onClose: () => void; tours: WallTour[]; layouts: WallLayout[] }) {
  const { t } = useTranslation();
  const save = useSaveTour();
  const remove = useDeleteTour();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const dwell = Number(draft.dwellSeconds);
  const valid = draft.name.trim().length > 0 && Number.isInteger(dwell) && dwell >= 5 && dwell <= 3600 && draft.layoutIds.length > 0;
  const error = save.error ?? remove.error;

  const submit = () =>
    save.mutate({ id: draft.id, name: draft.name.trim(), dwellSeconds: dwell, layoutIds: draft.layoutIds }, { onSuccess: () => setDraft(EMPTY) });

  return (
    <Modal opened={opened} onClose={onClose} title={t('wall.tour.manage')} size="lg" portalProps={wallPortal}>
      <Stack gap="md">
        {tours.length > 0 && (
          <Table verticalSpacing={4}>
            <Table.Tbody>
              {tours.map((tour) => (
                <Table.Tr key={tour.id}>
                  <Table.Td>{tour.name}</Table.Td>
                  <Table.Td c="dimmed" fz="sm">
                    {t('wall.tour.summary', { count: tour.layoutIds.length, seconds: tour.dwellSeconds })}
                  </Table.Td>
                  <Table.Td w={80}>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <ActionIcon variant="subtle" aria-label={t('common.edit')} onClick={() => setDraft({ id: tour.id, name: tour.name, dwellSeconds: tour.dwellSeconds, layoutIds: tour.layoutIds.filter((id) => layouts.some((l) => l.id === id)) })}>
                        <IconEdit size={16} />
                      </ActionIcon>
                      <ActionIcon variant="subtle" color="red" aria-label={t('common.delete')} loading={remove.isPending && remove.variables === tour.id} onClick={() => remove.mutate(tour.id)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Text size="sm" fw={600}>
          {draft.id ? t('wall.tour.editTitle') : t('wall.tour.createTitle')}
        </Text>
        {layouts.length === 0 && <Alert color="yellow" variant="light">{t('wall.tour.needLayouts')}</Alert>}
        <TextInput label={t('wall.tour.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} maxLength={80} required />
        <NumberInput label={t('wall.tour.dwell')} description={t('wall.tour.dwellHint')} value={draft.dwellSeconds} onChange={(v) => setDraft({ ...draft, dwellSeconds: v })} min={5} max={3600} allowDecimal={false} required />
        <MultiSelect
          comboboxProps={{ portalProps: wallPortal }}
          label={t('wall.tour.layouts')}
          description={t('wall.tour.layoutsHint')}
          data={layouts.map((l) => ({ value: l.id, label: l.name }))}
          value={draft.layoutIds}
          onChange={(ids) => setDraft({ ...draft, layoutIds: ids })}
          searchable
          required
        />
        {error && <Alert color="red" variant="light">{errorMessage(t, error)}</Alert>}
        <Group justify="flex-end">
          {draft.id && (
            <Button variant="default" onClick={() => setDraft(EMPTY)}>
              {t('common.cancel')}
            </Button>
          )}
          <Button onClick={submit} disabled={!valid} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
