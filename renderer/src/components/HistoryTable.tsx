import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { HistoryEntry } from '../../../shared/domain/history';
import { HISTORY_PAGE_SIZE, type HistoryPager, type HistorySnapshot } from '../api/history-pager';
import { HistoryRow } from './HistoryRow';

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 36;
const COLUMNS = ['Time', 'User', 'Outcome', 'HTTP', 'Code', 'Message', 'Tracking ID', 'Duration'] as const;
const COLUMN_CLASSES = [
  'col-time',
  'col-user',
  'col-outcome',
  'col-http',
  'col-code',
  'col-message',
  'col-tracking',
  'col-duration',
];

/**
 * The history as a virtual grid: only the rows in view exist in the DOM, so 100,000 entries scroll as
 * smoothly as ten. Arrow keys, Page Up/Down, Home and End move the selection; Escape clears it.
 */
export function HistoryTable({
  pager,
  snapshot,
  total,
  selectedId,
  onSelect,
  onClear,
}: {
  pager: HistoryPager;
  snapshot: HistorySnapshot;
  total: number;
  selectedId: string | null;
  onSelect: (entry: HistoryEntry) => void;
  onClear: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeIndex = useRef(-1);
  // A row the keyboard moved to before its page was loaded: selected as soon as it arrives.
  const [pendingIndex, setPendingIndex] = useState<number | null>(null);
  const rowIdPrefix = useId();
  // The virtualizer is mutable by design; this component is simply not auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    pager.ensureRange(first, last);
  }, [pager, first, last, total]);

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
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
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
    if (target !== undefined) {
      event.preventDefault();
      moveTo(current < 0 && event.key === 'ArrowUp' ? 0 : target);
    } else if (event.key === 'Escape' && selectedId !== null) {
      event.preventDefault();
      onClear();
    }
  };

  const activeRowId = selectedIndex >= 0 && selectedId !== null ? `${rowIdPrefix}-${selectedIndex}` : undefined;
  const renderedActive = items.some((item) => item.index === selectedIndex) ? activeRowId : undefined;

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Request history, newest first"
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={renderedActive}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="history-grid"
    >
      <div className="grid-canvas" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        <div className="grid-row grid-header" role="row" aria-rowindex={1}>
          {COLUMNS.map((label, i) => (
            <div key={label} role="columnheader" className={COLUMN_CLASSES[i]}>
              {label}
            </div>
          ))}
        </div>
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
              onSelect={(e, index) => {
                activeIndex.current = index;
                onSelect(e);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}
