import type { ReactNode } from 'react';
import { Paper, ScrollArea } from '@mantine/core';
import { EmptyState } from '../../../components/ui/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { Paging } from '../../../components/ui/Paging.tsx';

interface Props {
  list: { isError: boolean; error: unknown; refetch: () => unknown; data?: { items: unknown[]; total: number } };
  emptyTitle: string;
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  /** The table; it shows skeleton rows itself while the first page loads. */
  children: ReactNode;
}

/** A paged list's frame: the error with a retry, the empty state, the scrolling table, the pager. */
export function ListFrame({ list, emptyTitle, page, pageSize, onPage, children }: Props) {
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Paper withBorder radius="md" p="xs">
        {list.data?.items.length === 0 ? <EmptyState title={emptyTitle} /> : <ScrollArea>{children}</ScrollArea>}
      </Paper>
      {list.data && list.data.total > 0 && <Paging total={list.data.total} page={page} pageSize={pageSize} onPage={onPage} />}
    </>
  );
}
