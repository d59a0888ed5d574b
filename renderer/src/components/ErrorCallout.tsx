import type { ReactNode } from 'react';
import type { UiError } from '../api/client';
import { Icon } from './Icon';
import { RichText } from './RichText';

/** An error as the user should see it: what went wrong, then what to do about it. */
export function ErrorCallout({ error, title, children }: { error: UiError; title?: string; children?: ReactNode }) {
  return (
    <div className="callout callout-danger" role="alert" data-error-code={error.code}>
      <Icon name="alert" size={18} className="callout-icon" />
      <div className="callout-body">
        {title === undefined ? null : <p className="callout-title">{title}</p>}
        <p>
          <RichText text={error.message} />
        </p>
        {error.action === undefined ? null : (
          <p className="callout-action">
            <RichText text={error.action} />
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
