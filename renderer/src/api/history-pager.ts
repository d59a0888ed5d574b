import type { HistoryEntry, HistoryQuery } from '../../../shared/domain/history';
import { api, type UiError } from './client';

export const HISTORY_PAGE_SIZE = 100;

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

type Filters = Pick<HistoryQuery, 'user' | 'outcome'>;

const EMPTY: HistorySnapshot = { total: null, overall: null, pages: new Map(), loading: true, error: null };

/**
 * Loads the history a page at a time, for a virtual table that may span 100,000 entries.
 * Only the pages around the visible rows are fetched; a refresh refetches them and swaps them in at once
 * so the table never flashes empty. Answers that arrive after a newer refresh or filter change are dropped.
 */
export class HistoryPager {
  private snapshot: HistorySnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private filters: Filters = {};
  private filterKey: string | null = null;
  private generation = 0;
  private readonly pending = new Set<string>();
  private wanted: [number, number] = [0, 0];

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): HistorySnapshot => this.snapshot;

  /**
   * Applies new filters and loads from the top. The rows on screen stay until the new ones arrive,
   * so typing in the filter box does not make the table flash empty.
   */
  setFilters(filters: Filters): void {
    const key = JSON.stringify([filters.user ?? '', filters.outcome ?? '']);
    if (key === this.filterKey) return;
    this.filterKey = key;
    this.filters = filters;
    this.wanted = [0, 0];
    void this.refresh();
  }

  /** Identifies the current filters (a table keyed on it starts again at the top). */
  get filtersKey(): string {
    return this.filterKey ?? '';
  }

  /** The entry at a row index, when its page is loaded. */
  entryAt(index: number): HistoryEntry | undefined {
    return this.snapshot.pages.get(Math.floor(index / HISTORY_PAGE_SIZE))?.[index % HISTORY_PAGE_SIZE];
  }

  /** Makes sure rows start..end (inclusive) are loaded or loading. */
  ensureRange(start: number, end: number): void {
    this.wanted = [start, end];
    for (const page of this.pagesFor(start, end)) {
      if (this.snapshot.pages.has(page)) continue;
      const key = `${this.generation}:${page}`;
      if (this.pending.has(key)) continue;
      this.pending.add(key);
      const generation = this.generation;
      void this.fetchPage(page).then((result) => {
        this.pending.delete(key);
        if (generation !== this.generation) return;
        if (!result.ok) {
          this.update({ ...this.snapshot, error: result.error });
          return;
        }
        const pages = new Map(this.snapshot.pages);
        pages.set(page, result.value.entries);
        this.update({ ...this.snapshot, pages, total: result.value.total, error: null });
      });
    }
  }

  /** Reloads the count and the visible pages (after a request finished, or the window regained focus). */
  async refresh(): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    this.update({ ...this.snapshot, loading: true });
    const pageIndexes = [...new Set([0, ...this.pagesFor(...this.wanted)])];
    const filtered = this.filters.user !== undefined || this.filters.outcome !== undefined;
    const [results, overall] = await Promise.all([
      Promise.all(pageIndexes.map((page) => this.fetchPage(page))),
      filtered ? api.listHistory({ limit: 1 }) : Promise.resolve(null),
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
    // Rows scrolled into view while the refresh ran were fetched for the old generation and dropped.
    this.ensureRange(...this.wanted);
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
    return api.listHistory({ ...this.filters, limit: HISTORY_PAGE_SIZE, offset: page * HISTORY_PAGE_SIZE });
  }

  private update(next: HistorySnapshot): void {
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
