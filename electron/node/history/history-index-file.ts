import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { readRange, replaceFile } from './history-files';
import { HistoryIndex, TEXT_COLUMNS, type IndexArrays } from './history-index';
import type { MarkerRecord } from './history-lines';

/**
 * The index file (`history.index` next to history.jsonl): a cache of the in-memory index, so opening
 * a history of 100,000 entries reads a few compact arrays instead of parsing 60 MB of JSON. It is
 * derived data only: it describes a prefix of one particular history file (same inode, same first and
 * last line bytes), entries beyond that prefix are read from history.jsonl, and anything that does not
 * match is ignored and rebuilt. Verify always reads history.jsonl itself.
 */
const MAGIC = Buffer.from('ZPAHIDX1', 'latin1');
const VERSION = 1;
const ALIGN = 8;
const LINE_WINDOW = 64 * 1024;
const NEWLINE = 0x0a;

type ArrayName =
  'seq' | 'at' | 'outcome' | 'offset' | 'length' | 'byTime' | 'search.starts' | `text.${(typeof TEXT_COLUMNS)[number]}`;

/** What the index file knows about the prefix it covers, besides the index itself. */
export interface CoveredState {
  /** Bytes of history.jsonl described (always ends after a newline). */
  covered: number;
  torn: number;
  legacy: number;
  markers: MarkerRecord[];
}

interface Header extends CoveredState {
  version: number;
  ino: number;
  dev: number;
  rows: number;
  firstDigest: string;
  lastDigest: string;
  arrays: [ArrayName, number][];
  dictBytes: number;
  searchBytes: number;
}

const digest = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');

/** The first line of the file (up to the window). */
function firstLine(fd: number, size: number): Buffer {
  const buf = readRange(fd, 0, Math.min(size, LINE_WINDOW));
  const nl = buf.indexOf(NEWLINE);
  return nl === -1 ? buf : buf.subarray(0, nl);
}

/** The line that ends with the newline just before `end`. */
function lineBefore(fd: number, end: number): Buffer {
  const buf = readRange(fd, Math.max(0, end - LINE_WINDOW), end);
  const body = buf.subarray(0, Math.max(0, buf.length - 1));
  return body.subarray(body.lastIndexOf(NEWLINE) + 1);
}

function arraysOf(a: IndexArrays): [ArrayName, Float64Array | Uint32Array | Uint8Array][] {
  return [
    ['seq', a.seq],
    ['at', a.at],
    ['offset', a.offset],
    ['length', a.length],
    ['byTime', a.byTime],
    ...TEXT_COLUMNS.map((c): [ArrayName, Uint32Array] => [`text.${c}`, a.text[c]]),
    ['outcome', a.outcome],
  ];
}

function allBelow(values: Uint32Array, max: number): boolean {
  for (let i = 0; i < values.length; i += 1) if ((values[i] as number) >= max) return false;
  return true;
}

/** Whether search starts are one per string, increasing, within the text (else the text is rebuilt). */
function startsFit(starts: Uint32Array, count: number, length: number): boolean {
  if (starts.length !== count) return false;
  let prev = 0;
  for (const start of starts) {
    if (start <= prev || start > length) return false;
    prev = start;
  }
  return true;
}

/** Saves the index of history.jsonl (open as `fd`) covering its first `state.covered` bytes. */
export function saveIndexFile(indexFile: string, fd: number, index: HistoryIndex, state: CoveredState): void {
  const stat = fs.fstatSync(fd);
  if (state.covered === 0 || stat.size < state.covered) return;
  const a = index.arrays();
  const search = a.search ?? index.dict.searchText();
  const parts: [ArrayName, Float64Array | Uint32Array | Uint8Array][] = [
    ...arraysOf(a),
    ['search.starts', search.starts],
  ];
  const dict = Buffer.from(JSON.stringify(a.strings), 'utf8');
  const searchText = Buffer.from(search.text, 'utf8');
  const header: Header = {
    version: VERSION,
    ino: stat.ino,
    dev: stat.dev,
    rows: a.rows,
    firstDigest: digest(firstLine(fd, state.covered)),
    lastDigest: digest(lineBefore(fd, state.covered)),
    ...state,
    arrays: parts.map(([name, arr]) => [name, arr.byteLength]),
    dictBytes: dict.length,
    searchBytes: searchText.length,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const headLen = Buffer.alloc(4);
  headLen.writeUInt32LE(head.length);
  const chunks: Buffer[] = [MAGIC, headLen, head];
  let size = MAGIC.length + 4 + head.length;
  const pad = () => {
    const n = (ALIGN - (size % ALIGN)) % ALIGN;
    if (n > 0) chunks.push(Buffer.alloc(n));
    size += n;
  };
  pad();
  for (const [, arr] of parts) {
    chunks.push(Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
    size += arr.byteLength;
    pad();
  }
  chunks.push(dict, searchText);
  replaceFile(indexFile, chunks);
}

/**
 * Loads the index file if it describes history.jsonl (open as `fd`) as it is now; null otherwise
 * (missing, from another file, out of date in a way appends cannot explain, or damaged).
 */
export function loadIndexFile(indexFile: string, fd: number): { index: HistoryIndex; state: CoveredState } | null {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(indexFile);
  } catch {
    return null;
  }
  try {
    if (buf.length < MAGIC.length + 4 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const headLen = buf.readUInt32LE(MAGIC.length);
    let pos = MAGIC.length + 4;
    const header = JSON.parse(buf.toString('utf8', pos, pos + headLen)) as Header;
    pos += headLen;
    const stat = fs.fstatSync(fd);
    if (
      header.version !== VERSION ||
      header.ino !== stat.ino ||
      header.dev !== stat.dev ||
      header.covered > stat.size ||
      header.covered <= 0 ||
      digest(firstLine(fd, header.covered)) !== header.firstDigest ||
      digest(lineBefore(fd, header.covered)) !== header.lastDigest
    ) {
      return null;
    }
    const arrays = new Map<ArrayName, ArrayBuffer>();
    for (const [name, bytes] of header.arrays) {
      pos += (ALIGN - (pos % ALIGN)) % ALIGN;
      if (pos + bytes > buf.length) return null;
      // A copy: the file buffer's alignment is not guaranteed for typed-array views.
      arrays.set(name, buf.buffer.slice(buf.byteOffset + pos, buf.byteOffset + pos + bytes) as ArrayBuffer);
      pos += bytes;
    }
    pos += (ALIGN - (pos % ALIGN)) % ALIGN;
    if (pos + header.dictBytes + header.searchBytes !== buf.length) return null;
    const strings = JSON.parse(buf.toString('utf8', pos, pos + header.dictBytes)) as unknown;
    const text = buf.toString('utf8', pos + header.dictBytes);
    if (!Array.isArray(strings) || strings.some((s) => typeof s !== 'string')) return null;
    const f64 = (name: ArrayName) => new Float64Array(arrays.get(name) ?? new ArrayBuffer(0));
    const u32 = (name: ArrayName) => new Uint32Array(arrays.get(name) ?? new ArrayBuffer(0));
    const n = header.rows;
    const loaded: IndexArrays = {
      rows: n,
      seq: f64('seq'),
      at: f64('at'),
      outcome: new Uint8Array(arrays.get('outcome') ?? new ArrayBuffer(0)),
      offset: f64('offset'),
      length: u32('length'),
      byTime: u32('byTime'),
      text: Object.fromEntries(TEXT_COLUMNS.map((c) => [c, u32(`text.${c}`)])) as IndexArrays['text'],
      strings: strings as string[],
    };
    const all = arraysOf(loaded).map(([, arr]) => arr);
    if (all.some((arr) => arr.length !== n)) return null;
    const starts = u32('search.starts');
    if (startsFit(starts, strings.length, text.length)) loaded.search = { text, starts };
    // Ids must point into the dictionary, rows into the row range: a damaged file must not crash queries.
    const maxId = strings.length;
    if (TEXT_COLUMNS.some((c) => !allBelow(loaded.text[c], maxId)) || !allBelow(loaded.byTime, n)) return null;
    const { covered, torn, legacy, markers } = header;
    return { index: new HistoryIndex(loaded), state: { covered, torn, legacy, markers } };
  } catch {
    return null;
  }
}
