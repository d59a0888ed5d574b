import { useEffect, useRef } from 'react';

/**
 * Ctrl+1..n (Cmd on macOS) switch screens. Registered on window so they work from any field, except while
 * a modal dialog is open: the dialog owns the keyboard then.
 */
export function useScreenShortcuts<S extends string>(screens: readonly S[], onSwitch: (screen: S) => void): void {
  const latest = useRef(onSwitch);
  useEffect(() => {
    latest.current = onSwitch;
  });
  useEffect(() => {
    const handler = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const index = Number.parseInt(event.key, 10) - 1;
      const screen = screens[index];
      if (screen === undefined) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current(screen);
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [screens]);
}
