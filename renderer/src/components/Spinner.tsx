/** A small busy indicator; the control it sits in announces the busy state (aria-busy). */
export function Spinner({ className }: { className?: string }) {
  return <span className={className === undefined ? 'spinner' : `spinner ${className}`} aria-hidden="true" />;
}
