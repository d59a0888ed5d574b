import { useState, type ReactNode } from 'react';
import { api, type UiError } from '../api/client';
import { Icon } from './Icon';

/** Opens a documentation page in the system browser through main (the app window never navigates). */
export function ExternalLink({ url, children }: { url: string; children: ReactNode }) {
  const [error, setError] = useState<UiError | null>(null);
  return (
    <>
      <a
        className="link"
        href={url}
        onClick={(event) => {
          event.preventDefault();
          void api.openExternal(url).then((result) => setError(result.ok ? null : result.error));
        }}
      >
        {children}
        <Icon name="external" size={13} />
      </a>
      {error === null ? null : (
        <span className="field-error" role="alert">
          {error.message} {error.action}
        </span>
      )}
    </>
  );
}
