import { useEffect, useRef } from 'react';

/** Keys typed into a field, in a dialog or menu, or pressed with a modifier belong to them, not to page shortcuts. */
export function belongsToControl(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return true;
  const t = e.target as HTMLElement | null;
  if (!t) return false;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('[role="listbox"],[role="menu"],[role="dialog"]') !== null;
}

/**
 * Page-wide keyboard shortcuts: `onKey` sees every keydown that does not belong to a control, with
 * the latest `handlers` (so callers need not memoise them).
 */
export function usePageShortcuts<H>(handlers: H, onKey: (e: KeyboardEvent, h: H) => void): void {
  const ref = useRef(handlers);
  const keyRef = useRef(onKey);
  useEffect(() => {
    ref.current = handlers;
    keyRef.current = onKey;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => {
      if (!belongsToControl(e)) keyRef.current(e, ref.current);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
