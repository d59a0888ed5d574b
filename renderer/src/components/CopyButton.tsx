import { useEffect, useState } from 'react';
import { Icon } from './Icon';

type CopyState = 'idle' | 'copied' | 'failed';

// navigator.clipboard needs a permission some shells deny; a selected hidden textarea always works.
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } finally {
    area.remove();
  }
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

/** Copies a value (tracking id, request id, folder) and says so for a moment. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 1800);
    return () => window.clearTimeout(timer);
  }, [state]);

  return (
    <button
      type="button"
      className="button button-icon button-quiet copy-button"
      onClick={() => void copyText(value).then((ok) => setState(ok ? 'copied' : 'failed'))}
      aria-label={label}
      title={label}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={14} />
      <span className="copy-feedback" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  );
}
