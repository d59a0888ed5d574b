import { DEFAULT_ACCOUNT, type HistoryEntry, type HistoryQuery } from '../../../shared/domain/history';
import { OUTCOMES } from '../../../shared/domain/outcome';
import { Dictionary, type SearchText } from './history-dictionary';

/** Text columns: dictionary ids (0 = absent), so 100,000 rows are searched by testing each distinct string once. */
export const TEXT_COLUMNS = [
  'user',
  'userName',
  'account',
  'message',
  'zoomMessage',
  'trackingId',
  'zoomCode',
  'reason',
] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];
/** The columns free-text search looks at. */
const SEARCH_COLUMNS: readonly TextColumn[] = [
  'user',
  'userName',
  'message',
  'zoomMessage',
  'trackingId',
  'zoomCode',
  'reason',
];
const OUTCOME_CODE = new Map<string, number>(OUTCOMES.map((o, i) => [o, i]));

class Column<T extends F64 | U32 | U8> {
  data: T;
  constructor(data: T) {
    this.data = data;
  }
  ensure(capacity: number, make: (n: number) => T): void {
    if (capacity <= this.data.length) return;
    const next = make(Math.max(capacity, this.data.length * 2, 1024));
    next.set(this.data);
    this.data = next;
  }
}

type F64 = Float64Array<ArrayBuffer>;
type U32 = Uint32Array<ArrayBuffer>;
type U8 = Uint8Array<ArrayBuffer>;

/** The raw arrays of an index, as saved to and loaded from the index file. */
export interface IndexArrays {
  rows: number;
  seq: F64;
  at: F64;
  outcome: U8;
  offset: F64;
  length: U32;
  byTime: U32;
  text: Record<TextColumn, U32>;
  strings: string[];
  /** The dictionary's search text, when known (it is built on first search otherwise). */
  search?: SearchText;
}

/** Where a listed entry's line is in the file, and what the index expects to find there. */
export interface RowRef {
  offset: number;
  length: number;
  seq: number;
  at: number;
}

/**
 * The in-memory index of request entries: a few typed-array columns per entry (time, outcome, byte
 * range in the file, dictionary ids of the searchable texts) plus a permutation sorted by time. Pages
 * are read back from the file by byte range, so memory stays small and a listed entry is what is on disk.
 */
export class HistoryIndex {
  rows = 0;
  private seq = new Column(new Float64Array(0));
  private at = new Column(new Float64Array(0));
  private outcome = new Column(new Uint8Array(0));
  private offset = new Column(new Float64Array(0));
  private length = new Column(new Uint32Array(0));
  private byTime = new Column(new Uint32Array(0));
  private text = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, new Column(new Uint32Array(0))])) as Record<
    TextColumn,
    Column<U32>
  >;
  readonly dict: Dictionary;

  constructor(arrays?: IndexArrays) {
    this.dict = new Dictionary(arrays?.strings, arrays?.search);
    if (!arrays) return;
    this.rows = arrays.rows;
    this.seq.data = arrays.seq;
    this.at.data = arrays.at;
    this.outcome.data = arrays.outcome;
    this.offset.data = arrays.offset;
    this.length.data = arrays.length;
    this.byTime.data = arrays.byTime;
    for (const c of TEXT_COLUMNS) this.text[c].data = arrays.text[c];
  }

  /** The arrays (trimmed to the row count) for saving. */
  arrays(): IndexArrays {
    const n = this.rows;
    return {
      rows: n,
      seq: this.seq.data.subarray(0, n),
      at: this.at.data.subarray(0, n),
      outcome: this.outcome.data.subarray(0, n),
      offset: this.offset.data.subarray(0, n),
      length: this.length.data.subarray(0, n),
      byTime: this.byTime.data.subarray(0, n),
      text: Object.fromEntries(TEXT_COLUMNS.map((c) => [c, this.text[c].data.subarray(0, n)])) as Record<
        TextColumn,
        U32
      >,
      strings: this.dict.strings,
      search: this.dict.searchText(),
    };
  }

  /** Adds one entry found at `offset` (its line is `length` bytes long). */
  add(entry: HistoryEntry, offset: number, length: number): void {
    const r = this.rows;
    const cap = r + 1;
    this.seq.ensure(cap, (n) => new Float64Array(n));
    this.at.ensure(cap, (n) => new Float64Array(n));
    this.outcome.ensure(cap, (n) => new Uint8Array(n));
    this.offset.ensure(cap, (n) => new Float64Array(n));
    this.length.ensure(cap, (n) => new Uint32Array(n));
    this.byTime.ensure(cap, (n) => new Uint32Array(n));
    for (const c of TEXT_COLUMNS) this.text[c].ensure(cap, (n) => new Uint32Array(n));
    const ms = Date.parse(entry.at);
    const at = Number.isFinite(ms) ? ms : 0;
    this.seq.data[r] = entry.seq ?? Number.NaN;
    this.at.data[r] = at;
    this.outcome.data[r] = OUTCOME_CODE.get(entry.outcome) ?? 255;
    this.offset.data[r] = offset;
    this.length.data[r] = length;
    const t = this.text;
    t.user.data[r] = this.dict.intern(entry.user);
    t.userName.data[r] = this.dict.intern(entry.userName);
    t.account.data[r] = this.dict.intern(entry.account);
    t.message.data[r] = this.dict.intern(entry.message);
    t.zoomMessage.data[r] = this.dict.intern(entry.zoomMessage);
    t.trackingId.data[r] = this.dict.intern(entry.trackingId);
    t.zoomCode.data[r] = this.dict.intern(entry.zoomCode === null ? null : String(entry.zoomCode));
    t.reason.data[r] = this.dict.intern(entry.reason);
    // Keep byTime sorted by (time, file order): entries almost always arrive in time order (a push);
    // one that started before others were recorded (two processes) is inserted where it belongs.
    const perm = this.byTime.data;
    const pos = this.upperBound(at);
    if (pos < r) perm.copyWithin(pos + 1, pos, r);
    perm[pos] = r;
    this.rows = cap;
  }

  /** First position in byTime whose time is greater than `at`. */
  private upperBound(at: number): number {
    const perm = this.byTime.data;
    const times = this.at.data;
    let lo = 0;
    let hi = this.rows;
    if (hi > 0 && (times[perm[hi - 1] as number] as number) <= at) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[perm[mid] as number] as number) <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First position in byTime whose time is at or after `at`. */
  private lowerBound(at: number): number {
    const perm = this.byTime.data;
    const times = this.at.data;
    let lo = 0;
    let hi = this.rows;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((times[perm[mid] as number] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The earliest and latest start times (ms), or null when empty. */
  timeRange(): [number, number] | null {
    if (this.rows === 0) return null;
    const perm = this.byTime.data;
    const times = this.at.data;
    return [times[perm[0] as number] as number, times[perm[this.rows - 1] as number] as number];
  }

  ref(row: number): RowRef {
    return {
      offset: this.offset.data[row] as number,
      length: this.length.data[row] as number,
      seq: this.seq.data[row] as number,
      at: this.at.data[row] as number,
    };
  }

  /** Rows matching `q` in the asked order: the page's rows (offset/limit) and how many match in all. */
  query(q: HistoryQuery, limit: number, offset: number): { rows: number[]; total: number } {
    const test = this.matcher(q);
    const rows: number[] = [];
    const [lo, hi] = this.range(q);
    const perm = this.byTime.data;
    const oldest = q.order === 'oldest';
    let total = 0;
    if (test === null) {
      // Every row in the range matches: the page is a slice.
      for (let i = offset; i < offset + limit && lo + i < hi; i += 1) {
        rows.push(perm[oldest ? lo + i : hi - 1 - i] as number);
      }
      return { rows, total: Math.max(0, hi - lo) };
    }
    for (let i = 0; i < hi - lo; i += 1) {
      const row = perm[oldest ? lo + i : hi - 1 - i] as number;
      if (!test(row)) continue;
      if (total >= offset && rows.length < limit) rows.push(row);
      total += 1;
    }
    return { rows, total };
  }

  /** Every matching row, in the asked order (for exports). */
  matchAll(q: HistoryQuery): Uint32Array {
    const test = this.matcher(q);
    const [lo, hi] = this.range(q);
    const perm = this.byTime.data;
    const oldest = q.order === 'oldest';
    const out = new Uint32Array(Math.max(0, hi - lo));
    let n = 0;
    for (let i = 0; i < hi - lo; i += 1) {
      const row = perm[oldest ? lo + i : hi - 1 - i] as number;
      if (test === null || test(row)) out[n++] = row;
    }
    return out.subarray(0, n);
  }

  /** Positions in byTime of the date range [since, until). */
  private range(q: HistoryQuery): [number, number] {
    const lo = q.since === undefined ? 0 : this.lowerBound(Date.parse(q.since));
    const hi = q.until === undefined ? this.rows : this.lowerBound(Date.parse(q.until));
    return [lo, Math.max(lo, hi)];
  }

  /** The row test for the filters other than the date range; null when there are none. */
  private matcher(q: HistoryQuery): ((row: number) => boolean) | null {
    const code = q.outcome === undefined ? -1 : (OUTCOME_CODE.get(q.outcome) ?? 254);
    const outcomes = this.outcome.data;
    const account = q.account?.trim().toLowerCase() ?? '';
    const accountHit = account === '' ? null : this.dict.matching(account, true);
    // Entries that name no account belong to the default one.
    if (accountHit) accountHit[0] = account === DEFAULT_ACCOUNT ? 1 : 0;
    const accounts = this.text.account.data;
    const user = q.user?.trim().toLowerCase() ?? '';
    const userHit = user === '' ? null : this.dict.matching(user);
    const users = this.text.user.data;
    const search = q.search?.trim().toLowerCase() ?? '';
    const hit = search === '' ? null : this.dict.matching(search);
    const [c0, c1, c2, c3, c4, c5, c6] = SEARCH_COLUMNS.map((c) => this.text[c].data) as [
      U32,
      U32,
      U32,
      U32,
      U32,
      U32,
      U32,
    ];
    if (code === -1 && accountHit === null && userHit === null && hit === null) return null;
    return (r) =>
      (code === -1 || outcomes[r] === code) &&
      (accountHit === null || accountHit[accounts[r] as number] === 1) &&
      (userHit === null || userHit[users[r] as number] === 1) &&
      (hit === null ||
        ((hit[c0[r] as number] as number) |
          (hit[c1[r] as number] as number) |
          (hit[c2[r] as number] as number) |
          (hit[c3[r] as number] as number) |
          (hit[c4[r] as number] as number) |
          (hit[c5[r] as number] as number) |
          (hit[c6[r] as number] as number)) ===
          1);
  }
}
