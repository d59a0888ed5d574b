import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import { HISTORY_PAGE_SIZE, type HistoryPager, type HistorySnapshot } from '../api/history-pager';
import { gridTemplate, HISTORY_COLUMNS, totalWidth, type ColumnId, type ColumnWidths } from '../history/columns';
import type { SortOrder } from '../history/filter-form';
import { HistoryHeader } from './HistoryHeader';
import { HistoryRow } from './HistoryRow';

export const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 38;
// Right padding of every row, in pixels (see .grid-row; the left one is inside the first column).
const ROW_PADDING = 16;

/**
 * The history as a virtual grid: only the rows in view exist in the DOM and only their pages are loaded,
 * so 100,000 entries scroll as smoothly as ten. Arrow keys, Page Up/Down, Home and End move the selection
 * (rows not loaded yet are fetched and selected when they arrive); Enter opens the details, Escape closes
 * them. Wider than the window, it scrolls sideways; columns can be resized from the header.
 */
export function HistoryTable({
  pager,
  snapshot,
  total,
  widths,
  order,
  onOrder,
  onResize,
  onResetWidth,
  selectedId,
  onSelect,
  onOpen,
  onEscape,
  gridRef,
}: {
  pager: HistoryPager;
  snapshot: HistorySnapshot;
  total: number;
  widths: ColumnWidths;
  order: SortOrder;
  onOrder: (order: SortOrder) => void;
  onResize: (id: ColumnId, width: number) => void;
  onResetWidth: (id: ColumnId) => void;
  selectedId: string | null;
  /** The keyboard moved the selection here (the details follow if they are open). */
  onSelect: (entry: HistoryEntry) => void;
  /** Open the details of this entry (a click, or Enter on the selection). */
  onOpen: (entry: HistoryEntry) => void;
  onEscape: () => void;
  gridRef: RefObject<HTMLDivElement | null>;
}) {
  const activeIndex = useRef(-1);
  // A row the keyboard moved to before its page was loaded: selected as soon as it arrives.
  const [pendingIndex, setPendingIndex] = useState<number | null>(null);
  const rowIdPrefix = useId();
  // The virtualizer is mutable by design; this component is simply not auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    // Rows scrolled to with the keyboard land below the sticky header, not under it.
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    pager.ensureRange(first, last);
  }, [pager, first, last, total]);

  // A new filter or order starts again at the top.
  const filtersKey = pager.filtersKey;
  useEffect(() => {
    activeIndex.current = -1;
    setPendingIndex(null);
    virtualizer.scrollToOffset(0);
  }, [filtersKey, virtualizer]);

  useEffect(() => {
    if (pendingIndex === null) return;
    const entry = pager.entryAt(pendingIndex);
    if (entry === undefined) return;
    setPendingIndex(null);
    onSelect(entry);
  }, [pager, snapshot, pendingIndex, onSelect]);

  // The selected row's index shifts when new entries arrive on top: find it among the loaded pages.
  let selectedIndex = -1;
  if (selectedId !== null) {
    for (const [page, entries] of snapshot.pages) {
      const i = entries.findIndex((e) => e.id === selectedId);
      if (i >= 0) selectedIndex = page * HISTORY_PAGE_SIZE + i;
    }
  }

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(total - 1, index));
    activeIndex.current = target;
    virtualizer.scrollToIndex(target, { align: 'auto' });
    const entry = pager.entryAt(target);
    if (entry === undefined) {
      setPendingIndex(target);
    } else {
      setPendingIndex(null);
      onSelect(entry);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const visibleRows = Math.floor(((gridRef.current?.clientHeight ?? 400) - HEADER_HEIGHT) / ROW_HEIGHT);
    const page = Math.max(1, visibleRows - 1);
    const current = selectedIndex >= 0 ? selectedIndex : activeIndex.current;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: total - 1,
    };
    const target = moves[event.key];
    if (target !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      moveTo(current < 0 && event.key === 'ArrowUp' ? 0 : target);
    } else if (event.key === 'Enter') {
      const entry = selectedIndex >= 0 ? pager.entryAt(selectedIndex) : undefined;
      if (entry !== undefined) {
        event.preventDefault();
        onOpen(entry);
      } else if (current < 0 && total > 0) {
        event.preventDefault();
        moveTo(0);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
    }
  };

  const onPick = useCallback(
    (entry: HistoryEntry, index: number) => {
      activeIndex.current = index;
      onOpen(entry);
    },
    [onOpen],
  );

  const renderedActive =
    selectedIndex >= 0 && items.some((item) => item.index === selectedIndex)
      ? `${rowIdPrefix}-${selectedIndex}`
      : undefined;
  const canvasStyle = {
    height: `${virtualizer.getTotalSize()}px`,
    minWidth: `${totalWidth(widths) + ROW_PADDING}px`,
    '--cols': gridTemplate(widths),
  } as CSSProperties;

  return (
    <div
      ref={gridRef}
      className="grid"
      role="grid"
      aria-label={`Request history, ${order === 'newest' ? 'newest' : 'oldest'} first`}
      aria-rowcount={total + 1}
      aria-colcount={HISTORY_COLUMNS.length}
      aria-activedescendant={renderedActive}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onScroll={(event) => {
        // Straight to the DOM: a shadow on the frozen column, without re-rendering on every scroll.
        const grid = event.currentTarget;
        grid.classList.toggle('is-scrolled-x', grid.scrollLeft > 0);
      }}
      data-testid="history-grid"
    >
      <div className="grid-canvas" style={canvasStyle}>
        <HistoryHeader widths={widths} order={order} onOrder={onOrder} onResize={onResize} onReset={onResetWidth} />
        {items.map((item) => {
          const entry = pager.entryAt(item.index);
          return (
            <HistoryRow
              key={entry?.id ?? `loading-${item.index}`}
              id={`${rowIdPrefix}-${item.index}`}
              index={item.index}
              entry={entry}
              selected={entry !== undefined && entry.id === selectedId}
              top={item.start}
              height={item.size}
              onPick={onPick}
            />
          );
        })}
      </div>
    </div>
  );
}
