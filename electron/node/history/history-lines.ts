import { historyEntrySchema, type HistoryEntry } from '../../../shared/domain/history';
import { OUTCOMES } from '../../../shared/domain/outcome';

/** A chained record that is not a request (retention, repair, or a kind from a newer version). */
export interface MarkerRecord {
  kind: string;
  id: string;
  at: string;
  seq: number;
  prevHash: string | null;
  hash: string;
  [key: string]: unknown;
}

export type LineValue =
  | { kind: 'entry'; entry: HistoryEntry }
  | { kind: 'marker'; marker: MarkerRecord }
  /** Blank, or left by a write cut short (a crash while appending): not an entry, not damage. */
  | { kind: 'blank' | 'torn' }
  /** Neither: something else wrote or changed this line. */
  | { kind: 'damaged' };

export interface ReadLine {
  /** Byte offset of the line in the file, and its length without the newline. */
  offset: number;
  length: number;
  value: LineValue;
}

export interface ScanResult {
  /** Bytes fully read; a torn or still-being-written last line is not. */
  consumed: number;
  /** The chunk ends with an unterminated line that is not a record (read it again later). */
  tornTail: boolean;
}

const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OUTCOME_SET: ReadonlySet<unknown> = new Set(OUTCOMES);
/** Reading checks a hash's length only; verify recomputes every hash anyway. */
const isHash = (v: unknown): v is string => typeof v === 'string' && v.length === 64;
/** The entry fields in schema order: a listed entry carries these and nothing else a file may hold. */
export const ENTRY_KEYS = Object.keys(historyEntrySchema.shape) as (keyof HistoryEntry)[];

const isStr = (v: unknown): v is string => typeof v === 'string';
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const strOrNull = (v: unknown) => v === null || isStr(v);
const optStr = (v: unknown) => v === undefined || v === null || isStr(v);
const numOrNull = (v: unknown) => v === null || isNum(v);

/**
 * Cheap structural check used when reading (the full schema check runs on append and in verify):
 * types only, so 100,000 entries load in milliseconds rather than a second.
 */
export function asEntry(v: Record<string, unknown>): HistoryEntry | null {
  const ok =
    isStr(v.id) &&
    isStr(v.at) &&
    isStr(v.user) &&
    OUTCOME_SET.has(v.outcome) &&
    numOrNull(v.httpStatus) &&
    numOrNull(v.zoomCode) &&
    isStr(v.message) &&
    strOrNull(v.zoomMessage) &&
    strOrNull(v.trackingId) &&
    isNum(v.durationMs) &&
    isStr(v.apiBase) &&
    (v.source === 'app' || v.source === 'zpa') &&
    (v.retryAfterSeconds === undefined || numOrNull(v.retryAfterSeconds)) &&
    optStr(v.account) &&
    optStr(v.cloud) &&
    optStr(v.userName) &&
    optStr(v.reason) &&
    optStr(v.runId) &&
    (v.confirmed === undefined || typeof v.confirmed === 'boolean') &&
    (v.checkOf === undefined || isStr(v.checkOf)) &&
    (v.seq === undefined || isNum(v.seq)) &&
    (v.prevHash === undefined || v.prevHash === null || isHash(v.prevHash)) &&
    (v.hash === undefined || isHash(v.hash));
  // Chain fields come together or not at all.
  return ok && (v.seq === undefined) === (v.hash === undefined) ? (v as unknown as HistoryEntry) : null;
}

/** The entry with only the schema's fields, in schema order (a file may hold anything else). */
export function pickEntry(entry: HistoryEntry): HistoryEntry {
  const out: Record<string, unknown> = {};
  for (const key of ENTRY_KEYS) if (entry[key] !== undefined) out[key] = entry[key];
  return out as HistoryEntry;
}

/** Whether a parsed value is a chained record that is not a request. */
function asMarker(v: Record<string, unknown>): MarkerRecord | null {
  return isStr(v.kind) &&
    isStr(v.id) &&
    isStr(v.at) &&
    isNum(v.seq) &&
    (v.prevHash === null || isHash(v.prevHash)) &&
    isHash(v.hash)
    ? (v as MarkerRecord)
    : null;
}

/** Classifies an already parsed line. */
export function classifyValue(value: unknown): LineValue {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { kind: 'damaged' };
  const v = value as Record<string, unknown>;
  if (v.kind !== undefined) {
    const marker = asMarker(v);
    return marker ? { kind: 'marker', marker } : { kind: 'damaged' };
  }
  const entry = asEntry(v);
  return entry ? { kind: 'entry', entry } : { kind: 'damaged' };
}

/** Classifies one line's text (without its newline). */
export function classifyText(raw: string): LineValue {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (text.trim() === '') return { kind: 'blank' };
  // A crash after the file grew but before the data reached the disk leaves NUL bytes.
  const withoutNul = text.replace(/\0+$/, '');
  if (withoutNul.trim() === '') return { kind: 'torn' };
  let value: unknown;
  try {
    value = JSON.parse(withoutNul);
  } catch {
    return { kind: looksCutOff(withoutNul) ? 'torn' : 'damaged' };
  }
  return classifyValue(value);
}

/**
 * Reads the lines of `buf` (bytes of history.jsonl starting at file offset `base`), calling `visit` for
 * each in order. Complete lines are parsed with one JSON.parse over all of them when they all look like
 * objects (several times faster than a parse per line); otherwise line by line. The byte 0x0A never
 * occurs inside a multi-byte UTF-8 character, so splitting bytes before decoding is safe.
 */
export function scanLines(buf: Buffer, base: number, visit: (line: ReadLine) => void): ScanResult {
  const starts: number[] = [];
  const ends: number[] = [];
  let simple = true;
  for (let start = 0, nl = buf.indexOf(NEWLINE); nl !== -1; start = nl + 1, nl = buf.indexOf(NEWLINE, start)) {
    starts.push(start);
    ends.push(nl);
    if (nl - start < 2 || buf[start] !== OPEN_BRACE || buf[nl - 1] !== CLOSE_BRACE) simple = false;
  }
  const complete = starts.length;
  const end = complete === 0 ? 0 : (ends[complete - 1] as number) + 1;
  const values = simple && complete > 0 ? parseJoined(buf, end, complete) : null;
  for (let i = 0; i < complete; i += 1) {
    const start = starts[i] as number;
    const length = (ends[i] as number) - start;
    const value = values ? classifyValue(values[i]) : classifyText(buf.toString('utf8', start, start + length));
    visit({ offset: base + start, length, value });
  }
  if (end === buf.length) return { consumed: end, tornTail: false };
  const value = classifyText(buf.toString('utf8', end));
  if (value.kind === 'entry' || value.kind === 'marker' || value.kind === 'blank') {
    if (value.kind !== 'blank') visit({ offset: base + end, length: buf.length - end, value });
    return { consumed: buf.length, tornTail: false };
  }
  // Either a write cut short, or another process's append caught half-way: read it again next time.
  return { consumed: end, tornTail: true };
}

function parseJoined(buf: Buffer, end: number, count: number): unknown[] | null {
  try {
    const joined = `[${buf.toString('utf8', 0, end - 1).replaceAll('\n', ',')}]`;
    const values: unknown = JSON.parse(joined);
    // A line holding several values (or one value spread over lines) would shift the mapping.
    return Array.isArray(values) && values.length === count ? values : null;
  } catch {
    return null;
  }
}

/** True for the start of a JSON object that stops before it is closed, as a cut-short write leaves it. */
export function looksCutOff(text: string): boolean {
  const s = text.trimStart();
  if (!s.startsWith('{')) return false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (const c of s) {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      depth += 1;
    } else if (c === '}' || c === ']') {
      depth -= 1;
      // Closed completely yet unparsable: something else is wrong with it.
      if (depth <= 0) return false;
    }
  }
  return inString || depth > 0;
}
