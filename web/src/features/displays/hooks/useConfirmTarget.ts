import { useState } from 'react';

/**
 * What a confirmation dialog is about. The target outlives `close()`, so the dialog's closing
 * animation still names it instead of flashing an empty sentence.
 */
export function useConfirmTarget<T>() {
  const [target, setTarget] = useState<T | null>(null);
  const [opened, setOpened] = useState(false);
  return {
    target,
    opened,
    open: (t: T) => {
      setTarget(t);
      setOpened(true);
    },
    close: () => setOpened(false),
  };
}
