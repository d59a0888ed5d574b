import type { HistoryEntry } from '../../../shared/domain/history';
import { readRange } from './history-files';
import type { RowRef } from './history-index';
import { classifyText, pickEntry } from './history-lines';

/** Neighbouring lines closer than this are read with one read. */
const MERGE_GAP = 64 * 1024;

/**
 * Reads the entries at `refs` from history.jsonl (open as `fd`), in the order given. An entry is null
 * when its line no longer holds what the index expects (the file was changed in place): the caller
 * then reads the file anew.
 */
export function readEntriesAt(fd: number, refs: readonly RowRef[]): (HistoryEntry | null)[] {
  const order = refs.map((_, i) => i).sort((a, b) => (refs[a] as RowRef).offset - (refs[b] as RowRef).offset);
  const out: (HistoryEntry | null)[] = new Array<HistoryEntry | null>(refs.length).fill(null);
  let i = 0;
  while (i < order.length) {
    const first = refs[order[i] as number] as RowRef;
    let end = first.offset + first.length;
    let j = i + 1;
    for (; j < order.length; j += 1) {
      const next = refs[order[j] as number] as RowRef;
      if (next.offset - end > MERGE_GAP) break;
      end = Math.max(end, next.offset + next.length);
    }
    const buf = readRange(fd, first.offset, end);
    for (let k = i; k < j; k += 1) {
      const ref = refs[order[k] as number] as RowRef;
      const start = ref.offset - first.offset;
      const value = classifyText(buf.toString('utf8', start, start + ref.length));
      if (value.kind !== 'entry') continue;
      const seq = value.entry.seq ?? Number.NaN;
      const sameSeq = Number.isNaN(ref.seq) ? Number.isNaN(seq) : seq === ref.seq;
      if (sameSeq) out[order[k] as number] = pickEntry(value.entry);
    }
    i = j;
  }
  return out;
}
