import { useCallback, useEffect, useState } from 'react';
import { clampWidth, DEFAULT_WIDTHS, HISTORY_COLUMNS, type ColumnId, type ColumnWidths } from '../history/columns';

const STORAGE_KEY = 'zpa.history.columnWidths';

function stored(): ColumnWidths {
  try {
    const raw = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as Record<string, unknown>;
    const widths = { ...DEFAULT_WIDTHS } as Record<ColumnId, number>;
    for (const { id } of HISTORY_COLUMNS) {
      const value = raw[id];
      if (typeof value === 'number' && Number.isFinite(value)) widths[id] = clampWidth(id, value);
    }
    return widths;
  } catch {
    // Storage unavailable or holding something else: the defaults do.
    return DEFAULT_WIDTHS;
  }
}

/** The review table's column widths, as the user last resized them (kept in this window's local storage). */
export function useColumnWidths(): {
  widths: ColumnWidths;
  resize: (id: ColumnId, width: number) => void;
  reset: (id: ColumnId) => void;
} {
  const [widths, setWidths] = useState<ColumnWidths>(stored);
  useEffect(() => {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(widths));
    } catch {
      // Not kept, then: resizing still works for this session.
    }
  }, [widths]);
  const resize = useCallback(
    (id: ColumnId, width: number) => setWidths((prev) => ({ ...prev, [id]: clampWidth(id, width) })),
    [],
  );
  const reset = useCallback((id: ColumnId) => setWidths((prev) => ({ ...prev, [id]: DEFAULT_WIDTHS[id] })), []);
  return { widths, resize, reset };
}
