import { useMemo, useState } from 'react';
import type { BulkPreview } from '../../../shared/ipc/contract';
import { INITIAL_OPTIONS, type BulkOptionsForm } from '../bulk/options-form';

/**
 * What the Bulk screen shows, kept by the app frame so a look at another screen loses nothing: the
 * imported file's preview, the options as typed, and the run on screen. Runs themselves live in main.
 */
export interface BulkSession {
  preview: BulkPreview | null;
  setPreview(preview: BulkPreview | null): void;
  options: BulkOptionsForm;
  setOptions(update: (prev: BulkOptionsForm) => BulkOptionsForm): void;
  runId: string | null;
  setRunId(runId: string | null): void;
}

/** The Bulk screen's state, held above the screen (see BulkSession). */
export function useBulkSession(): BulkSession {
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [options, setOptions] = useState<BulkOptionsForm>(INITIAL_OPTIONS);
  const [runId, setRunId] = useState<string | null>(null);
  return useMemo(() => ({ preview, setPreview, options, setOptions, runId, setRunId }), [preview, options, runId]);
}
