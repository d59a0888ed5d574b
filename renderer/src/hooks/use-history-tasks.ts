import { useCallback, useState } from 'react';
import type { HistoryFilter, HistoryVerifyResult } from '../../../shared/domain/history';
import type { ExportFormat } from '../../../shared/ipc/contract';
import { api, type UiError } from '../api/client';

export interface ExportState {
  busy: ExportFormat | null;
  done: { rows: number; file: string } | null;
  error: UiError | null;
}

/** Exports the current filter; main asks where to save. A cancelled dialog changes nothing. */
export function useHistoryExport(filter: HistoryFilter) {
  const [state, setState] = useState<ExportState>({ busy: null, done: null, error: null });
  const run = useCallback(
    async (format: ExportFormat) => {
      setState((prev) => ({ ...prev, busy: format, error: null }));
      const result = await api.exportHistory(filter, format);
      if (!result.ok) setState({ busy: null, done: null, error: result.error });
      else if (result.value.status === 'cancelled') setState((prev) => ({ ...prev, busy: null }));
      else setState({ busy: null, done: { rows: result.value.rows, file: result.value.file }, error: null });
    },
    [filter],
  );
  const dismiss = useCallback(() => setState({ busy: null, done: null, error: null }), []);
  return { state, run, dismiss };
}

export interface VerifyState {
  busy: boolean;
  result: HistoryVerifyResult | null;
  /** Retention and repair records among the records checked. */
  markers: number;
  error: UiError | null;
}

/** Runs "verify history" (main reads the whole file); `onDone` lets the table reload what changed. */
export function useHistoryVerify(onDone: () => void) {
  const [state, setState] = useState<VerifyState>({ busy: false, result: null, markers: 0, error: null });
  const run = useCallback(async () => {
    setState((prev) => ({ ...prev, busy: true, error: null }));
    const result = await api.verifyHistory();
    const summary = result.ok ? await api.getHistorySummary() : null;
    const markers = summary?.ok === true ? summary.value.markers.length : 0;
    setState(
      result.ok
        ? { busy: false, result: result.value, markers, error: null }
        : { busy: false, result: null, markers: 0, error: result.error },
    );
    onDone();
  }, [onDone]);
  const dismiss = useCallback(() => setState({ busy: false, result: null, markers: 0, error: null }), []);
  return { state, run, dismiss };
}
