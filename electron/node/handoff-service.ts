import { AppError } from '../../shared/domain/errors';
import type { CopyResult } from '../../shared/ipc/users-schemas';
import { systemClock, systemTimers, type Clipboard, type Clock, type Timers } from './ports';
import type { PreferencesStore } from './preferences';

/** How long a new password waits in memory to be copied, at most. */
export const HANDOFF_KEEP_MS = 2 * 60 * 1000;

export interface HandoffServiceOptions {
  preferences: Pick<PreferencesStore, 'get'>;
  clock?: Clock;
  timers?: Timers;
}

const GONE = 'That password can no longer be copied: it is copied only once, and only within 2 minutes of the change.';
const GONE_ACTION = 'Generate a new password and change it again if it was lost.';

/**
 * The safe hand-off of a new password: after an `updated` change main keeps the password in memory
 * (never on disk) for at most 2 minutes, keyed by the history entry's id. copy() writes it to the
 * clipboard once and forgets it; the clipboard is cleared after the configured delay, but only if it
 * still holds that password (the admin may have copied something else since).
 */
export class HandoffService {
  private readonly o: HandoffServiceOptions;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly waiting = new Map<string, { password: string; expiry: unknown }>();
  private pendingClear: { text: string; handle: unknown } | null = null;

  constructor(o: HandoffServiceOptions) {
    this.o = o;
    this.clock = o.clock ?? systemClock;
    this.timers = o.timers ?? systemTimers;
  }

  /** Keeps the password of an updated change for one copy. */
  keep(entryId: string, password: string): void {
    this.drop(entryId);
    const expiry = this.timers.setTimeout(() => this.drop(entryId), HANDOFF_KEEP_MS);
    this.waiting.set(entryId, { password, expiry });
  }

  /** Whether a copied password is waiting to be cleared from the clipboard. */
  get clearPending(): boolean {
    return this.pendingClear !== null;
  }

  /** Whether the entry's password can still be copied. */
  available(entryId: string): boolean {
    return this.waiting.has(entryId);
  }

  /**
   * Writes the entry's password to the clipboard (once) and schedules the clearing.
   * AppError not_allowed when it was copied already, expired, or never kept (main restarted).
   */
  async copy(entryId: string, clipboard: Clipboard): Promise<CopyResult> {
    const item = this.waiting.get(entryId);
    if (item === undefined) throw new AppError('not_allowed', GONE, { action: GONE_ACTION });
    // Forgotten before writing: a second click while the write is under way finds nothing to copy.
    this.drop(entryId);
    await clipboard.writeText(item.password);
    const seconds = this.o.preferences.get().clipboardClearSeconds;
    if (this.pendingClear !== null) this.timers.clearTimeout(this.pendingClear.handle);
    this.pendingClear = null;
    if (seconds <= 0) return { copied: true, clearsAt: null };
    const text = item.password;
    const handle = this.timers.setTimeout(() => {
      this.pendingClear = null;
      void clearIfHolding(clipboard, text);
    }, seconds * 1000);
    this.pendingClear = { text, handle };
    return { copied: true, clearsAt: new Date(this.clock.now().getTime() + seconds * 1000).toISOString() };
  }

  /** Forgets every waiting password and cancels the clearing timer (clearing now when due): at quit. */
  async dispose(clipboard?: Clipboard): Promise<void> {
    for (const id of [...this.waiting.keys()]) this.drop(id);
    const pending = this.pendingClear;
    if (pending === null) return;
    this.pendingClear = null;
    this.timers.clearTimeout(pending.handle);
    if (clipboard !== undefined) await clearIfHolding(clipboard, pending.text);
  }

  private drop(entryId: string): void {
    const item = this.waiting.get(entryId);
    if (item === undefined) return;
    this.timers.clearTimeout(item.expiry);
    this.waiting.delete(entryId);
  }
}

/** Empties the clipboard if it still holds `text` (the admin may have copied something else since). */
async function clearIfHolding(clipboard: Clipboard, text: string): Promise<void> {
  try {
    if ((await clipboard.readText()) === text) await clipboard.writeText('');
  } catch {
    // The clipboard may be unavailable (a locked session): there is nothing to clear we can reach.
  }
}
