import { useState, type FormEvent } from 'react';
import { Alert, Button, FileInput, Select, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EXEMPTION_GROUNDS, PPID_RESPONSE_KINDS, ppidRespondInputSchema, type PpidRequestDetail } from '@pantau/shared';
import { useTranslation } from 'react-i18next';
import { useExtendPpid, useRespondPpid, useRoutePpid, useUploadPpidDocument } from '../../../api/ppid.ts';
import { errorMessage } from '../../../lib/errors.ts';
import { useOrganizationOptions } from '../../../lib/options.ts';
import { validate } from '../../../lib/validation.ts';

const OPEN = ['received', 'clarification'];

/** The officer's actions on one request: answer, attach, extend, route. Each shows its own error. */
export function RequestActions({ r }: { r: PpidRequestDetail }) {
  const { t } = useTranslation();
  const orgs = useOrganizationOptions();
  const respond = useRespondPpid();
  const extend = useExtendPpid();
  const route = useRoutePpid();
  const upload = useUploadPpidDocument((id) => `/api/ppid/requests/${id}/documents`);
  const [kind, setKind] = useState<string>('granted');
  const [text, setText] = useState('');
  const [ground, setGround] = useState<string | null>(null);
  const [test, setTest] = useState('');
  const [reason, setReason] = useState('');
  const [orgId, setOrgId] = useState<string | null>(r.organizationId);
  const [note, setNote] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const saved = () => notifications.show({ color: 'green', message: t('ppid.detail.saved') });
  const exempt = kind === 'refused' || kind === 'partially_granted';

  const onRespond = (e: FormEvent) => {
    e.preventDefault();
    const v = validate(ppidRespondInputSchema, { kind, text, ...(exempt ? { exemptionGround: ground ?? undefined, consequenceTest: test || undefined } : {}) });
    if (!v.ok) return setFormError(Object.values(v.errors).join(' '));
    setFormError(null);
    respond.mutate({ id: r.id, body: v.data }, { onSuccess: saved });
  };
  const failure = [respond, extend, route, upload].find((m) => m.isError)?.error;
  const waiting = r.status === 'received';

  return (
    <Stack gap="sm">
      {(failure || formError) && (
        <Alert color="red" variant="light" data-testid="action-error">
          {formError ?? errorMessage(t, failure)}
        </Alert>
      )}
      <Tabs defaultValue={waiting ? 'respond' : 'attach'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="respond" disabled={!waiting}>{t('ppid.detail.respond')}</Tabs.Tab>
          <Tabs.Tab value="attach">{t('ppid.detail.attach')}</Tabs.Tab>
          <Tabs.Tab value="extend" disabled={!waiting || r.deadline.extended}>{t('ppid.detail.extend')}</Tabs.Tab>
          <Tabs.Tab value="route" disabled={!OPEN.includes(r.status)}>{t('ppid.detail.route')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="respond" pt="sm">
          <form onSubmit={onRespond} noValidate>
            <Stack gap="sm">
              <Select label={t('ppid.detail.responseKind')} data={PPID_RESPONSE_KINDS.map((k) => ({ value: k, label: t(`ppid.responseKinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v)} allowDeselect={false} data-testid="respond-kind" />
              <Textarea label={t('ppid.detail.responseText')} required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="respond-text" />
              {exempt && (
                <>
                  <Select label={t('ppid.detail.exemptionGround')} data={EXEMPTION_GROUNDS.map((g) => ({ value: g, label: `Pasal 17 huruf ${g}` }))} value={ground} onChange={setGround} required />
                  <Textarea label={t('ppid.detail.consequenceTest')} required autosize minRows={3} value={test} onChange={(e) => setTest(e.currentTarget.value)} />
                </>
              )}
              <Button type="submit" loading={respond.isPending} w="fit-content" data-testid="respond-submit">
                {t('ppid.detail.respond')}
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="attach" pt="sm">
          <FileInput label={t('ppid.detail.attach')} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv" clearable onChange={(f) => f && upload.mutate({ id: r.id, file: f }, { onSuccess: () => notifications.show({ color: 'green', message: t('ppid.detail.attached') }) })} disabled={upload.isPending} />
        </Tabs.Panel>
        <Tabs.Panel value="extend" pt="sm">
          <Stack gap="sm">
            <Textarea label={t('ppid.detail.extendReason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button onClick={() => reason.trim() && extend.mutate({ id: r.id, body: { reason: reason.trim() } }, { onSuccess: saved })} loading={extend.isPending} w="fit-content">
              {t('ppid.detail.extend')}
            </Button>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="route" pt="sm">
          <Stack gap="sm">
            <Select label={t('ppid.detail.routeTo')} data={orgs.options} value={orgId} onChange={setOrgId} searchable />
            <TextInput label={t('ppid.detail.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button onClick={() => orgId && route.mutate({ id: r.id, body: { organizationId: orgId, ...(note.trim() ? { note: note.trim() } : {}) } }, { onSuccess: saved })} loading={route.isPending} w="fit-content">
              {t('ppid.detail.route')}
            </Button>
          </Stack>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
