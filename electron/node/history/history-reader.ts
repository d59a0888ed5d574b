import fs from 'node:fs';
import { readRange } from './history-files';
import { HistoryIndex } from './history-index';
import { loadIndexFile, saveIndexFile, type CoveredState } from './history-index-file';
import { scanLines, type MarkerRecord } from './history-lines';

/** Bytes read and parsed at a time when loading a whole file. */
const CHUNK = 8 * 1024 * 1024;
const NEWLINE = 0x0a;

export interface ReaderOptions {
  /** Where the index file is kept; null: never (read-only views). */
  indexFile: string | null;
  /** Save the index file once the entries read from history.jsonl beyond it reach this many. */
  indexAfter: number;
}

/** What one sync found. */
export interface SyncResult {
  /** Lines that are neither entries, blank nor torn were found (the file needs a repair). */
  damaged: number;
  /** The whole file was (re)read, rather than only what was appended. */
  reloaded: boolean;
}

/**
 * Keeps an index of history.jsonl up to date: on first use it loads the index file (or reads the whole
 * history), then reads only what was appended since; a file that was replaced or shrunk is read anew.
 */
export class HistoryReader {
  index = new HistoryIndex();
  markers: MarkerRecord[] = [];
  /** Bytes of the file read so far (ends after a newline, or at the end of a complete last line). */
  consumed = 0;
  torn = 0;
  legacy = 0;
  tornTail = false;
  private identity: { ino: number; dev: number } | null = null;
  /** Rows and bytes read from history.jsonl since the index was last loaded from or saved to the index file. */
  private unsaved = 0;
  private readonly file: string;
  private readonly o: ReaderOptions;

  constructor(file: string, o: ReaderOptions) {
    this.file = file;
    this.o = o;
  }

  /** Forgets everything: the next sync reads the file anew (and ignores the index file). */
  invalidate(dropIndexFile = false): void {
    this.identity = null;
    if (dropIndexFile && this.o.indexFile) fs.rmSync(this.o.indexFile, { force: true });
  }

  /** Empties the index (the file does not exist). */
  clear(): void {
    this.reset();
    this.identity = null;
  }

  /** Brings the index up to date with the file open as `fd`. */
  sync(fd: number): SyncResult {
    const stat = fs.fstatSync(fd);
    const same = this.identity?.ino === stat.ino && this.identity.dev === stat.dev && stat.size >= this.consumed;
    let reloaded = false;
    if (!same) {
      this.reset();
      this.identity = { ino: stat.ino, dev: stat.dev };
      reloaded = true;
      const saved = this.o.indexFile ? loadIndexFile(this.o.indexFile, fd) : null;
      if (saved) this.adopt(saved.index, saved.state);
    }
    const damaged = stat.size > this.consumed ? this.read(fd, this.consumed, stat.size) : 0;
    if (damaged === 0 && this.o.indexFile && this.unsaved >= this.o.indexAfter) {
      try {
        saveIndexFile(this.o.indexFile, fd, this.index, this.state());
      } catch {
        // Only a cache: the next open reads history.jsonl instead.
      }
      this.unsaved = 0;
    }
    return { damaged, reloaded };
  }

  private state(): CoveredState {
    return { covered: this.consumed, torn: this.torn, legacy: this.legacy, markers: this.markers };
  }

  private reset(): void {
    this.index = new HistoryIndex();
    this.markers = [];
    this.consumed = 0;
    this.torn = 0;
    this.legacy = 0;
    this.tornTail = false;
    this.unsaved = 0;
  }

  private adopt(index: HistoryIndex, state: CoveredState): void {
    this.index = index;
    this.markers = [...state.markers];
    this.consumed = state.covered;
    this.torn = state.torn;
    this.legacy = state.legacy;
  }

  /** Reads [from, to) chunk by chunk; returns how many damaged lines it found. */
  private read(fd: number, from: number, to: number): number {
    let damaged = 0;
    let pos = from;
    while (pos < to) {
      const last = pos + CHUNK >= to;
      let buf = readRange(fd, pos, Math.min(to, pos + CHUNK));
      if (!last) {
        // Only whole lines; the rest is read with the next chunk.
        const nl = buf.lastIndexOf(NEWLINE);
        if (nl !== -1) buf = buf.subarray(0, nl + 1);
      }
      const result = scanLines(buf, pos, (line) => {
        const v = line.value;
        if (v.kind === 'entry') {
          this.index.add(v.entry, line.offset, line.length);
          if (v.entry.seq === undefined) this.legacy += 1;
          this.unsaved += 1;
        } else if (v.kind === 'marker') {
          this.markers.push(v.marker);
        } else if (v.kind === 'torn') {
          this.torn += 1;
        } else if (v.kind === 'damaged') {
          damaged += 1;
        }
      });
      pos += result.consumed;
      this.consumed = pos;
      this.tornTail = result.tornTail;
      if (result.consumed === 0 || (result.tornTail && last)) break;
    }
    return damaged;
  }
}
