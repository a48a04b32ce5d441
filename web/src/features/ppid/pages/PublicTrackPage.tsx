import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, TextInput, Title } from '@mantine/core';
import type { PpidTrackInput } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useTrackPpidRequest } from '../../../api/ppid.ts';
import { errorMessage, hasCode } from '../../../lib/errors.ts';
import { TrackedRequestView } from '../components/TrackedRequestView.tsx';

/** Tracking by registration number and secret code; the code never goes into the URL. */
export function PublicTrackPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const given = (location.state ?? {}) as Partial<PpidTrackInput>;
  const [owner, setOwner] = useState<PpidTrackInput>({ registrationNumber: given.registrationNumber ?? '', trackingCode: given.trackingCode ?? '' });
  const track = useTrackPpidRequest();
  const run = () => owner.registrationNumber.trim() && owner.trackingCode.trim() && track.mutate({ registrationNumber: owner.registrationNumber.trim(), trackingCode: owner.trackingCode.trim() });
  useEffect(() => {
    if (given.registrationNumber && given.trackingCode) run();
    // only on arrival from the receipt
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  return (
    <Stack gap="md" maw={820}>
      <Title order={2}>{t('ppid.track.title')}</Title>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput label={t('ppid.track.registrationNumber')} placeholder="PPID-2026-000001" value={owner.registrationNumber} onChange={(e) => setOwner({ ...owner, registrationNumber: e.currentTarget.value })} data-testid="t-number" />
          <TextInput label={t('ppid.track.trackingCode')} value={owner.trackingCode} onChange={(e) => setOwner({ ...owner, trackingCode: e.currentTarget.value })} autoComplete="off" data-testid="t-code" />
          <Button type="submit" loading={track.isPending} data-testid="t-submit">
            {t('ppid.track.submit')}
          </Button>
        </Group>
      </form>
      {track.isError && (
        <Alert color="red" variant="light" data-testid="track-error">
          {hasCode(track.error, 'not_found') || hasCode(track.error, 'validation_failed') ? t('ppid.track.notFound') : errorMessage(t, track.error)}
        </Alert>
      )}
      {track.data && <TrackedRequestView r={track.data} owner={track.variables!} onChanged={run} />}
    </Stack>
  );
}
