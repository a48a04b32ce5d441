import { useState } from 'react';
import { Badge, Button, FileButton, Switch, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePpidRegistry, useSaveInfoItem, useUploadPpidDocument } from '../../../api/ppid.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { SkeletonRows } from '../../../components/ui/SkeletonRows.tsx';
import { errorMessage } from '../../../lib/errors.ts';
import { useCan } from '../../auth/hooks/useMe.ts';
import { CalendarPanel } from '../components/CalendarPanel.tsx';
import { InfoItemModal } from '../components/InfoItemModal.tsx';
import { ListFrame } from '../components/ListFrame.tsx';

const PAGE = 25;

/** Registry management (all items, drafts and exempt ones included) and the working-day calendar. */
export function PpidRegistryPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [q, setQ] = useState('');
  const [dq] = useDebouncedValue(q.trim(), 300);
  const [page, setPage] = useState(1);
  const [adding, add] = useDisclosure(false);
  const list = usePpidRegistry({ q: dq || undefined, limit: PAGE, offset: (page - 1) * PAGE });
  const save = useSaveInfoItem();
  const upload = useUploadPpidDocument((id) => `/api/ppid/registry/${id}/documents`);
  const write = can('ppid.registry.write');
  const failure = save.error ?? upload.error;
  return (
    <>
      <PageHeader title={t('ppid.registry.title')} actions={write && <Button leftSection={<IconPlus size={16} />} onClick={add.open} data-testid="info-add">{t('ppid.registry.add')}</Button>} />
      <Tabs defaultValue="items">
        <Tabs.List mb="md">
          <Tabs.Tab value="items">{t('ppid.registry.title')}</Tabs.Tab>
          <Tabs.Tab value="calendar">{t('ppid.calendar.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="items">
          <TextInput mb="md" label={t('common.search')} placeholder={t('ppid.registry.searchPlaceholder')} leftSection={<IconSearch size={16} />} value={q} onChange={(e) => (setQ(e.currentTarget.value), setPage(1))} w={{ base: '100%', sm: 320 }} />
          {failure && <ErrorAlert error={failure} title={errorMessage(t, failure)} />}
          <ListFrame list={list} emptyTitle={t('ppid.registry.empty')} page={page} pageSize={PAGE} onPage={setPage}>
                  <Table verticalSpacing="xs" miw={720} data-testid="ppid-registry">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('ppid.registry.itemTitle')}</Table.Th>
                        <Table.Th>{t('ppid.registry.category')}</Table.Th>
                        <Table.Th>{t('ppid.registry.owner')}</Table.Th>
                        <Table.Th>{t('ppid.registry.period')}</Table.Th>
                        <Table.Th>{t('ppid.registry.published')}</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {!list.data && <SkeletonRows cols={6} />}
                      {list.data?.items.map((i) => (
                        <Table.Tr key={i.id}>
                          <Table.Td>
                            <Text size="sm" fw={500}>{i.title}</Text>
                            {i.legalBasis && <Text size="xs" c="dimmed">{i.legalBasis}</Text>}
                            {i.documents.map((d) => <Text key={d.id} size="xs" component="a" href={`/api/ppid/documents/${d.id}`} display="block">{d.filename}</Text>)}
                          </Table.Td>
                          <Table.Td><Badge variant="light" color={i.category === 'dikecualikan' ? 'red' : 'blue'}>{t(`ppid.categories.${i.category}`)}</Badge></Table.Td>
                          <Table.Td>{i.organizationName}</Table.Td>
                          <Table.Td>{i.period}</Table.Td>
                          <Table.Td>
                            <Switch aria-label={t('ppid.registry.published')} checked={i.published} disabled={!write || i.category === 'dikecualikan'} onChange={(e) => save.mutate({ id: i.id, body: { published: e.currentTarget.checked } })} />
                          </Table.Td>
                          <Table.Td>
                            {write && (
                              <FileButton onChange={(f) => f && upload.mutate({ id: i.id, file: f })} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv">
                                {(props) => <Button {...props} size="xs" variant="subtle" leftSection={<IconUpload size={14} />}>{t('ppid.detail.attach')}</Button>}
                              </FileButton>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
          </ListFrame>
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarPanel />
        </Tabs.Panel>
      </Tabs>
      {adding && <InfoItemModal opened={adding} onClose={add.close} />}
    </>
  );
}
