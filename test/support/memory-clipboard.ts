import type { Clipboard } from '../../electron/node/ports';

/** An in-memory system clipboard for tests: what main copied, and every write in order. */
export class MemoryClipboard implements Clipboard {
  text = '';
  /** Every text written, oldest first (tests check a password was written once, then cleared). */
  readonly writes: string[] = [];

  readText(): string {
    return this.text;
  }

  writeText(text: string): void {
    this.text = text;
    this.writes.push(text);
  }
}
