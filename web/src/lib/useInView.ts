import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is at least partly on screen; true where IntersectionObserver is missing.
 * Starts false, so an off-screen player never subscribes (each subscribe is an audited view).
 */
export function useInView(ref: RefObject<Element | null>): boolean {
  const [inView, setInView] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return inView;
}
