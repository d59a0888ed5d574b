import { useEffect, useRef } from 'react';

/** Calls `onFocus` whenever the window regains focus. */
export function useWindowFocus(onFocus: () => void): void {
  const latest = useRef(onFocus);
  useEffect(() => {
    latest.current = onFocus;
  });
  useEffect(() => {
    const handler = () => latest.current();
    window.addEventListener('focus', handler);
    return () => window.removeEventListener('focus', handler);
  }, []);
}
