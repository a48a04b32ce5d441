import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateLayout, useDeleteLayout, useUpdateLayout } from '../../../api/walls.ts';
import { errorMessage } from '../../../lib/errors.ts';
import type { Wall } from './useWall.ts';

/** Save (update the open layout, or ask a name for a new one), save as, and delete. */
export function useWallSaving(wall: Wall) {
  const { t } = useTranslation();
  const create = useCreateLayout();
  const update = useUpdateLayout();
  const remove = useDeleteLayout();
  const [naming, setNaming] = useState(false);
  const failed = (e: unknown) => notifications.show({ color: 'red', message: errorMessage(t, e) });
  const { grid, cells, layoutId } = wall.state;

  return {
    pending: create.isPending || update.isPending,
    naming,
    nameError: create.error,
    save: () => {
      if (!layoutId) return setNaming(true);
      update.mutate(
        { id: layoutId, grid, cells },
        {
          onSuccess: (l) => {
            wall.saved(l);
            notifications.show({ color: 'green', message: t('wall.saved', { name: l.name }) });
          },
          onError: failed,
        },
      );
    },
    saveAs: () => {
      create.reset();
      setNaming(true);
    },
    cancelName: () => setNaming(false),
    submitName: (name: string) =>
      create.mutate(
        { name, grid, cells },
        {
          onSuccess: (l) => {
            wall.saved(l);
            setNaming(false);
            notifications.show({ color: 'green', message: t('wall.saved', { name: l.name }) });
          },
        },
      ),
    deletePending: remove.isPending,
    deleteError: remove.error,
    remove: (onDone: () => void) => {
      if (!layoutId) return;
      remove.mutate(layoutId, {
        onSuccess: () => {
          wall.forget();
          onDone();
        },
      });
    },
  };
}
