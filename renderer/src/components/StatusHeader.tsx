import type { ReactNode } from 'react';

/** The top bar: the screen's title, and the account every action runs against. */
export function StatusHeader({ title, titleId, children }: { title: string; titleId: string; children: ReactNode }) {
  return (
    <header className="status-header">
      <h1 id={titleId} className="screen-title" tabIndex={-1}>
        {title}
      </h1>
      <div className="status-items" role="group" aria-label="Current account">
        {children}
      </div>
    </header>
  );
}
