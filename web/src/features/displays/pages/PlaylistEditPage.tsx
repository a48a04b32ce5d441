import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Paper, Skeleton, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { playlistInputSchema, type Playlist } from '@pantau/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePlaylist, useSavePlaylist, useScenes } from '../../../api/displays.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { errorMap } from '../../../lib/validation.ts';
import { NotFoundPage } from '../../shell/pages/NotFoundPage.tsx';
import { PlaylistItemsEditor } from '../components/PlaylistItemsEditor.tsx';
import { issuesByPath } from '../hooks/issues.ts';
import { emptyPlaylist, playlistToDraft, playlistToInput, type PlaylistDraft } from '../hooks/playlistModel.ts';
import { NEW_ID } from '../hooks/paths.ts';

function PlaylistForm({ playlist }: { playlist: Playlist | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const scenes = useScenes();
  const save = useSavePlaylist();
  const [draft, setDraftState] = useState<PlaylistDraft>(() => (playlist ? playlistToDraft(playlist) : emptyPlaylist()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  // row errors are keyed by position, which a reorder changes: a change clears them until the next save
  const setDraft = (d: PlaylistDraft) => {
    setDraftState(d);
    setErrors({});
  };
  const sceneOptions = (scenes.data ?? []).map((s) => ({ value: s.id, label: s.name }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = playlistToInput(draft);
    const r = playlistInputSchema.safeParse(input, { error: errorMap });
    if (!r.success) return setErrors(issuesByPath(r.error.issues, true));
    setErrors({});
    save.mutate(
      { id: playlist?.id ?? null, body: input },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'green', message: t('displays.playlists.saved', { name: p.name }) });
          void navigate('/tampilan/playlist');
        },
        onError: (err) => setErrors(hasCode(err, 'validation_failed') ? issuesByPath(err.details) : { _form: errorMessage(t, err) }),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate data-testid="playlist-form">
      <Stack gap="md" maw={820}>
        {scenes.data?.length === 0 && (
          <Alert color="yellow" variant="light">
            {t('displays.playlists.needScenes')}
          </Alert>
        )}
        {errors._form && (
          <Alert color="red" variant="light">
            {errors._form}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          <Stack gap="md">
            <TextInput label={t('displays.playlists.name')} required maxLength={120} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })} error={errors.name} data-testid="playlist-name" />
            <PlaylistItemsEditor items={draft.items} onChange={(items) => setDraft({ ...draft, items })} scenes={sceneOptions} errors={errors} />
            {errors.items && (
              <Alert color="red" variant="light">
                {errors.items}
              </Alert>
            )}
          </Stack>
        </Paper>
        <Group justify="flex-end">
          <Button component={Link} to="/tampilan/playlist" variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="playlist-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Creates (/tampilan/playlist/baru) or edits a playlist. */
export function PlaylistEditPage() {
  const { t } = useTranslation();
  const { id = NEW_ID } = useParams();
  const isNew = id === NEW_ID;
  const playlist = usePlaylist(isNew ? null : id);
  if (!isNew && playlist.isPending) return <Skeleton h={420} />;
  if (!isNew && playlist.isError) {
    if (hasCode(playlist.error, 'not_found') || hasCode(playlist.error, 'validation_failed')) return <NotFoundPage />;
    return <ErrorAlert error={playlist.error} onRetry={() => void playlist.refetch()} />;
  }
  return (
    <Stack gap={0}>
      <PageHeader title={isNew ? t('displays.playlists.createTitle') : t('displays.playlists.editTitle')} subtitle={playlist.data?.name} />
      <PlaylistForm key={playlist.data?.id ?? NEW_ID} playlist={playlist.data ?? null} />
    </Stack>
  );
}
