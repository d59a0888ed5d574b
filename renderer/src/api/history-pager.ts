import type { HistoryEntry, HistoryFilter } from '../../../shared/domain/history';
import { api, type UiError } from './client';

export const HISTORY_PAGE_SIZE = 100;
/** Pages kept in memory at most (2,400 rows): the ones farthest from the view are dropped first. */
export const MAX_CACHED_PAGES = 24;
/** Page requests running at once. Pages scrolled past while these ran are never asked for. */
const MAX_IN_FLIGHT = 2;

export interface HistorySnapshot {
  /** Entries matching the filters; null until the first answer. */
  total: number | null;
  /** Entries in the whole history (equals total when no filter is set). */
  overall: number | null;
  /** Loaded pages by page index; a new Map whenever anything changes. */
  pages: ReadonlyMap<number, readonly HistoryEntry[]>;
  loading: boolean;
  error: UiError | null;
}

const EMPTY: HistorySnapshot = { total: null, overall: null, pages: new Map(), loading: true, error: null };

/** True when the filter narrows the history down (the sort order alone does not). */
export function isFiltering(filter: HistoryFilter): boolean {
  return Object.entries(filter).some(([key, value]) => key !== 'order' && value !== undefined && value !== '');
}

/**
 * Loads the history a page at a time, for a virtual table that may span 100,000 entries. Only pages in
 * view are fetched, two at a time, always for the latest view: dragging the scroll bar from top to bottom
 * asks for the pages where it stops, not for every page on the way. At most MAX_CACHED_PAGES stay in
 * memory. A refresh refetches the visible pages and swaps them in at once so the table never flashes
 * empty; answers that arrive after a newer refresh or filter change are dropped.
 */
export class HistoryPager {
  private snapshot: HistorySnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private filter: HistoryFilter = {};
  private filterKey: string | null = null;
  private generation = 0;
  private inFlight = new Set<number>();
  private wanted: [number, number] = [0, 0];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): HistorySnapshot => this.snapshot;

  /**
   * Applies a new filter (or order) and loads from the top. The rows on screen stay until the new ones
   * arrive, so typing in a filter box does not make the table flash empty.
   */
  setFilter(filter: HistoryFilter): void {
    const key = JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));
    if (key === this.filterKey) return;
    this.filterKey = key;
    this.filter = filter;
    this.wanted = [0, 0];
    void this.refresh();
  }

  /** Identifies the current filter and order (a table keyed on it starts again at the top). */
  get filtersKey(): string {
    return this.filterKey ?? '';
  }

  /** The entry at a row index, when its page is loaded. */
  entryAt(index: number): HistoryEntry | undefined {
    return this.snapshot.pages.get(Math.floor(index / HISTORY_PAGE_SIZE))?.[index % HISTORY_PAGE_SIZE];
  }

  /** Rows start..end (inclusive) are in view: load their pages (the latest call wins). */
  ensureRange(start: number, end: number): void {
    this.wanted = [start, end];
    this.pump();
  }

  /** Reloads the count and the visible pages (after a request finished, or the window regained focus). */
  async refresh(): Promise<void> {
    this.generation += 1;
    this.inFlight = new Set();
    const generation = this.generation;
    this.update({ ...this.snapshot, loading: true });
    const pageIndexes = [...new Set([0, ...this.pagesFor(...this.wanted)])];
    const [results, overall] = await Promise.all([
      Promise.all(pageIndexes.map((page) => this.fetchPage(page))),
      isFiltering(this.filter) ? api.listHistory({ limit: 1 }) : Promise.resolve(null),
    ]);
    if (generation !== this.generation) return;
    const failed = results.find((r) => !r.ok);
    if (failed && !failed.ok) {
      this.update({ ...this.snapshot, loading: false, error: failed.error });
      return;
    }
    const pages = new Map<number, readonly HistoryEntry[]>();
    let total = 0;
    results.forEach((result, i) => {
      if (!result.ok) return;
      pages.set(pageIndexes[i] ?? 0, result.value.entries);
      total = result.value.total;
    });
    const overallTotal = overall === null ? total : overall.ok ? overall.value.total : null;
    this.update({ total, overall: overallTotal, pages, loading: false, error: null });
    // Rows scrolled into view while the refresh ran were asked for by the old generation and dropped.
    this.pump();
  }

  private pump(): void {
    if (this.snapshot.total === null) return;
    for (const page of this.pagesFor(...this.wanted)) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) return;
      if (this.snapshot.pages.has(page) || this.inFlight.has(page)) continue;
      void this.load(page);
    }
  }

  private async load(page: number): Promise<void> {
    const generation = this.generation;
    const inFlight = this.inFlight;
    inFlight.add(page);
    const result = await this.fetchPage(page);
    inFlight.delete(page);
    if (generation !== this.generation) return;
    if (!result.ok) {
      this.update({ ...this.snapshot, error: result.error });
      return;
    }
    const pages = new Map(this.snapshot.pages);
    pages.set(page, result.value.entries);
    this.evict(pages);
    this.update({ ...this.snapshot, pages, total: result.value.total, error: null });
    this.pump();
  }

  /** Drops the pages farthest from the view until at most MAX_CACHED_PAGES remain. */
  private evict(pages: Map<number, readonly HistoryEntry[]>): void {
    if (pages.size <= MAX_CACHED_PAGES) return;
    const centre = (this.wanted[0] + this.wanted[1]) / 2 / HISTORY_PAGE_SIZE;
    const byDistance = [...pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const page of byDistance.slice(0, pages.size - MAX_CACHED_PAGES)) pages.delete(page);
  }

  private pagesFor(start: number, end: number): number[] {
    const total = this.snapshot.total;
    const last = total === null ? end : Math.min(end, Math.max(total - 1, 0));
    const pages: number[] = [];
    for (let p = Math.floor(start / HISTORY_PAGE_SIZE); p <= Math.floor(last / HISTORY_PAGE_SIZE); p += 1) {
      pages.push(p);
    }
    return pages;
  }

  private fetchPage(page: number) {
    return api.listHistory({ ...this.filter, limit: HISTORY_PAGE_SIZE, offset: page * HISTORY_PAGE_SIZE });
  }

  private update(next: HistorySnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
