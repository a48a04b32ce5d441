import { useMemo, useState } from 'react';
import { Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SceneInput } from '@pantau/shared';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCameraMarkers } from '../../../api/cameras.ts';
import { useSaveScene, useScene } from '../../../api/displays.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { NotFoundPage } from '../../shell/pages/NotFoundPage.tsx';
import { issuesByPath } from '../hooks/issues.ts';
import { NEW_ID } from '../hooks/paths.ts';
import { emptyScene, sceneToDraft } from '../hooks/sceneModel.ts';
import { SceneEditorView } from '../views/SceneEditorView.tsx';

const NO_FILTERS = {};

/** Creates (/tampilan/adegan/baru) or edits a scene. */
export function SceneEditPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = NEW_ID } = useParams();
  const isNew = id === NEW_ID;
  const scene = useScene(isNew ? null : id);
  const markers = useCameraMarkers(NO_FILTERS);
  const save = useSaveScene();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  // internal cameras never reach a display, so they are not offered
  const cameras = useMemo(() => (markers.data ?? []).filter((c) => c.visibility !== 'internal').sort((a, b) => a.name.localeCompare(b.name, 'id')), [markers.data]);

  if (!isNew && scene.isPending) return <Skeleton h={420} />;
  if (!isNew && scene.isError) {
    if (hasCode(scene.error, 'not_found') || hasCode(scene.error, 'validation_failed')) return <NotFoundPage />;
    return <ErrorAlert error={scene.error} onRetry={() => void scene.refetch()} />;
  }

  const onSave = (body: SceneInput) => {
    setServerErrors({});
    save.mutate(
      { id: isNew ? null : id, body },
      {
        onSuccess: (s) => {
          notifications.show({ color: 'green', message: t('displays.scenes.saved', { name: s.name }) });
          void navigate('/tampilan/adegan');
        },
        onError: (err) => setServerErrors(hasCode(err, 'validation_failed') ? issuesByPath(err.details) : { _form: errorMessage(t, err) }),
      },
    );
  };

  return (
    <Stack gap={0}>
      <PageHeader title={isNew ? t('displays.scenes.createTitle') : t('displays.scenes.editTitle')} subtitle={scene.data?.name} />
      <SceneEditorView key={scene.data?.id ?? NEW_ID} initial={scene.data ? sceneToDraft(scene.data) : emptyScene()} cameras={cameras} pending={save.isPending} serverErrors={serverErrors} onSave={onSave} />
    </Stack>
  );
}
