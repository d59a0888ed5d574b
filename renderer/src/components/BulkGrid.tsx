import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 36;

export interface BulkGridColumn {
  id: string;
  label: string;
  /** A CSS grid track: `72px`, `minmax(180px, 2fr)`. */
  track: string;
  numeric?: boolean;
}

export interface BulkGridRow {
  key: string | number;
  cells: ReactNode[];
  className?: string;
  /** data-* attributes for the row (tests and styles find rows by them). */
  data?: Readonly<Record<string, string>>;
  /** Read out instead of the cells' text when the row is the active one (optional). */
  title?: string;
}

/**
 * A virtual table for the bulk screen: only the rows in view are in the DOM, so a 10,000-row file
 * scrolls like a short one. Focus the grid and move with the arrow keys, Page Up/Down, Home and End.
 * `follow`, when set, keeps that row in view as it changes (the run's progress).
 */
export function BulkGrid({
  label,
  columns,
  count,
  row,
  follow = null,
  rowHeight = ROW_HEIGHT,
  testId,
}: {
  label: string;
  columns: readonly BulkGridColumn[];
  count: number;
  row: (index: number) => BulkGridRow;
  follow?: number | null;
  /** Taller rows let a cell wrap to a second line (the preview's problems). */
  rowHeight?: number;
  testId: string;
}) {
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const [active, setActive] = useState(-1);
  const idPrefix = useId();
  // The virtualizer is mutable by design; this component is simply not auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller,
    estimateSize: () => rowHeight,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 8,
  });

  useEffect(() => {
    if (follow !== null && follow >= 0 && follow < count) virtualizer.scrollToIndex(follow, { align: 'auto' });
  }, [follow, count, virtualizer]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor(((scroller?.clientHeight ?? 400) - HEADER_HEIGHT) / rowHeight) - 1);
    const current = Math.min(active, count - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: Math.max(0, current - 1),
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  const items = virtualizer.getVirtualItems();
  const activeRendered = active >= 0 && items.some((item) => item.index === active);
  const template = { '--cols': columns.map((c) => c.track).join(' ') } as CSSProperties;

  return (
    <div
      ref={setScroller}
      className="grid bulk-grid"
      role="grid"
      aria-label={label}
      aria-rowcount={count + 1}
      aria-colcount={columns.length}
      aria-activedescendant={activeRendered ? `${idPrefix}-${active}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid={testId}
    >
      <div className="grid-canvas" style={{ ...template, height: `${virtualizer.getTotalSize()}px` }}>
        <div className="grid-row grid-header" role="row" aria-rowindex={1}>
          {columns.map((column) => (
            <div
              key={column.id}
              role="columnheader"
              className={`bulk-col-${column.id}${column.numeric === true ? ' is-numeric' : ''}`}
            >
              <span className="col-label">{column.label}</span>
            </div>
          ))}
        </div>
        {items.map((item) => {
          const content = row(item.index);
          const className = ['grid-row', content.className, item.index === active ? 'is-selected' : null]
            .filter((c) => c !== null && c !== undefined)
            .join(' ');
          return (
            <div
              key={content.key}
              id={`${idPrefix}-${item.index}`}
              className={className}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={item.index === active}
              title={content.title}
              style={{ transform: `translateY(${item.start}px)`, height: `${item.size}px` }}
              onClick={() => setActive(item.index)}
              {...Object.fromEntries(Object.entries(content.data ?? {}).map(([k, v]) => [`data-${k}`, v]))}
            >
              {content.cells.map((cell, i) => (
                <div
                  key={columns[i]?.id ?? i}
                  role="gridcell"
                  className={`bulk-col-${columns[i]?.id ?? i}${columns[i]?.numeric === true ? ' is-numeric' : ''}`}
                >
                  {cell}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
