import type { ReactNode } from 'react';
import { Alert, Stack } from '@mantine/core';
import { FormActions } from '../../../components/ui/FormActions.tsx';

interface Props {
  onSubmit: () => void;
  onCancel: () => void;
  general: string | null;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}

/** The body of a playback dialog: the general error on top, the fields, cancel and submit. */
export function DialogForm({ onSubmit, onCancel, general, pending, submitLabel, children }: Props) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="light">
            {general}
          </Alert>
        )}
        {children}
        <FormActions onCancel={onCancel} loading={pending} submitLabel={submitLabel} />
      </Stack>
    </form>
  );
}
