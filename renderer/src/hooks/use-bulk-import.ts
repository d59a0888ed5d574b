import { useCallback, useState } from 'react';
import type { BulkPreview } from '../../../shared/ipc/contract';
import { bulkApi } from '../api/bulk-client';
import type { UiError } from '../api/client';

export interface BulkImport {
  busy: 'open' | 'columns' | null;
  error: UiError | null;
  /** Asks main for the open dialog; a cancelled dialog keeps what was there. */
  open(): Promise<void>;
  /** Parses the same file again with other columns for the users and the passwords. */
  setColumns(userColumn: number, passwordColumn: number | null): Promise<void>;
  dismissError(): void;
}

/** Importing a CSV: the open dialog and the parse happen in main; the preview comes back without passwords. */
export function useBulkImport(preview: BulkPreview | null, onPreview: (preview: BulkPreview) => void): BulkImport {
  const [busy, setBusy] = useState<BulkImport['busy']>(null);
  const [error, setError] = useState<UiError | null>(null);

  const open = useCallback(async () => {
    setBusy('open');
    setError(null);
    const result = await bulkApi.openFile();
    setBusy(null);
    if (!result.ok) setError(result.error);
    else if (result.value !== null) onPreview(result.value);
  }, [onPreview]);

  const importId = preview?.importId ?? null;
  const setColumns = useCallback(
    async (userColumn: number, passwordColumn: number | null) => {
      if (importId === null) return;
      setBusy('columns');
      setError(null);
      const result = await bulkApi.setColumns(importId, userColumn, passwordColumn);
      setBusy(null);
      if (result.ok) onPreview(result.value);
      else setError(result.error);
    },
    [importId, onPreview],
  );

  const dismissError = useCallback(() => setError(null), []);
  return { busy, error, open, setColumns, dismissError };
}
