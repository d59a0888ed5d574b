/**
 * The review table's columns, in order, with their default and smallest widths in pixels (the first
 * column's include the row's left padding: it stays in place when the table scrolls sideways).
 */
export const HISTORY_COLUMNS = [
  { id: 'time', label: 'Time', width: 172, min: 120 },
  { id: 'account', label: 'Account', width: 92, min: 64 },
  { id: 'user', label: 'User', width: 212, min: 110 },
  { id: 'outcome', label: 'Outcome', width: 168, min: 100 },
  { id: 'http', label: 'HTTP', width: 58, min: 50, numeric: true },
  { id: 'code', label: 'Zoom code', width: 86, min: 60, numeric: true },
  { id: 'message', label: 'Message', width: 300, min: 140, grow: true },
  { id: 'tracking', label: 'Tracking ID', width: 200, min: 96 },
  { id: 'duration', label: 'Duration', width: 80, min: 64, numeric: true },
  { id: 'reason', label: 'Reason / ticket', width: 160, min: 96 },
] as const satisfies readonly {
  id: string;
  label: string;
  width: number;
  min: number;
  numeric?: boolean;
  grow?: boolean;
}[];

export type ColumnId = (typeof HISTORY_COLUMNS)[number]['id'];
export type ColumnWidths = Readonly<Record<ColumnId, number>>;

export const MAX_COLUMN_WIDTH = 900;

export const DEFAULT_WIDTHS: ColumnWidths = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c.id, c.width])) as Record<
  ColumnId,
  number
>;

/** The width a column may take: between its minimum and MAX_COLUMN_WIDTH. */
export function clampWidth(id: ColumnId, width: number): number {
  const column = HISTORY_COLUMNS.find((c) => c.id === id);
  return Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(column?.min ?? 48, width)));
}

/** CSS grid-template-columns for the widths; the message column takes any room left over. */
export function gridTemplate(widths: ColumnWidths): string {
  return HISTORY_COLUMNS.map((c) =>
    'grow' in c && c.grow ? `minmax(${widths[c.id]}px, 1fr)` : `${widths[c.id]}px`,
  ).join(' ');
}

/** The table's natural width: beyond the window's, it scrolls sideways. */
export function totalWidth(widths: ColumnWidths): number {
  return HISTORY_COLUMNS.reduce((sum, c) => sum + widths[c.id], 0);
}
