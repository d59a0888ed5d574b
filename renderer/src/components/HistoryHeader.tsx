import { useRef, type PointerEvent } from 'react';
import { HISTORY_COLUMNS, type ColumnId, type ColumnWidths } from '../history/columns';
import type { SortOrder } from '../history/filter-form';
import { Icon } from './Icon';

/** A drag handle on a column's right edge; double-click puts the default width back. Mouse only. */
function ResizeHandle({
  id,
  width,
  onResize,
  onReset,
}: {
  id: ColumnId;
  width: number;
  onResize: (id: ColumnId, width: number) => void;
  onReset: (id: ColumnId) => void;
}) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  const end = () => {
    drag.current = null;
  };
  return (
    <span
      className="col-resize"
      aria-hidden="true"
      title="Drag to resize, double-click for the default width"
      data-column={id}
      onPointerDown={(event: PointerEvent<HTMLSpanElement>) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.stopPropagation();
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, width };
      }}
      onPointerMove={(event) => {
        if (drag.current !== null) onResize(id, drag.current.width + event.clientX - drag.current.x);
      }}
      onPointerUp={end}
      onPointerCancel={end}
      onLostPointerCapture={end}
      onClick={(event) => event.stopPropagation()}
      onDoubleClick={() => onReset(id)}
    />
  );
}

/**
 * The sticky header row: column names, the Time column's sort button (newest or oldest first, announced
 * with aria-sort) and resize handles.
 */
export function HistoryHeader({
  widths,
  order,
  onOrder,
  onResize,
  onReset,
}: {
  widths: ColumnWidths;
  order: SortOrder;
  onOrder: (order: SortOrder) => void;
  onResize: (id: ColumnId, width: number) => void;
  onReset: (id: ColumnId) => void;
}) {
  return (
    <div className="grid-row grid-header" role="row" aria-rowindex={1}>
      {HISTORY_COLUMNS.map((column) => (
        <div
          key={column.id}
          role="columnheader"
          className={`col-${column.id}`}
          aria-sort={column.id === 'time' ? (order === 'newest' ? 'descending' : 'ascending') : undefined}
        >
          {column.id === 'time' ? (
            <button
              type="button"
              className="sort-button"
              onClick={() => onOrder(order === 'newest' ? 'oldest' : 'newest')}
              title={
                order === 'newest' ? 'Newest first: click for oldest first' : 'Oldest first: click for newest first'
              }
            >
              {column.label}
              <Icon name={order === 'newest' ? 'arrow-down' : 'arrow-up'} size={13} />
              <span className="visually-hidden">{order === 'newest' ? ', newest first' : ', oldest first'}</span>
            </button>
          ) : (
            <span className="col-label">{column.label}</span>
          )}
          <ResizeHandle id={column.id} width={widths[column.id]} onResize={onResize} onReset={onReset} />
        </div>
      ))}
    </div>
  );
}
