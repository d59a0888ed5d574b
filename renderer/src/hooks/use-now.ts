import { useEffect, useState } from 'react';

/** The current time in milliseconds, ticking every `everyMs` while `enabled` (a countdown on screen). */
export function useNow(enabled: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return;
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [enabled, everyMs]);
  return now;
}
