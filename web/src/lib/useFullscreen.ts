import { useCallback, useEffect, useState, type RefObject } from 'react';

/** Browser fullscreen (Fullscreen API) for one element: whether it is fullscreen, and the switches. */
export function useFullscreen(ref: RefObject<HTMLElement | null>) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const sync = () => setActive(ref.current !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, [ref]);
  const enter = useCallback(() => {
    // a refused request (no user gesture, kiosk policy) simply leaves the page as it was
    if (ref.current && !document.fullscreenElement) void ref.current.requestFullscreen().catch(() => undefined);
  }, [ref]);
  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, []);
  const toggle = useCallback(() => (document.fullscreenElement ? exit() : enter()), [enter, exit]);
  return { active, enter, exit, toggle, supported: typeof document !== 'undefined' && document.fullscreenEnabled };
}
