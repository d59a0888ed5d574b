import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../shared/domain/errors';
import { HANDOFF_KEEP_MS, HandoffService } from '../../electron/node/handoff-service';
import type { Clock, KeyValueStore, Timers } from '../../electron/node/ports';
import { PreferencesStore, PREFERENCES_KEY } from '../../electron/node/preferences';
import { MemoryClipboard } from '../support/memory-clipboard';

/** Timers driven by the test: advance(ms) runs what is due, in order. */
class FakeTimers implements Timers {
  now = 0;
  private next = 1;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  readonly clock: Clock = { now: () => new Date(Date.UTC(2026, 10, 23) + this.now) };

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.now + ms, fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.due.delete(handle as number);
  }

  get pending(): number {
    return this.due.size;
  }

  async advance(ms: number): Promise<void> {
    this.now += ms;
    for (const [id, t] of [...this.due].sort((a, b) => a[1].at - b[1].at)) {
      if (t.at > this.now) continue;
      this.due.delete(id);
      t.fn();
    }
    // The clearing reads and writes the clipboard asynchronously.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function memoryStore(initial: Record<string, unknown> = {}): KeyValueStore {
  const data = new Map(Object.entries(initial));
  return { get: (k) => data.get(k), set: (k, v) => void data.set(k, v), delete: (k) => void data.delete(k) };
}

function setup(seconds?: number) {
  const timers = new FakeTimers();
  const preferences = new PreferencesStore(memoryStore());
  if (seconds !== undefined) preferences.set({ clipboardClearSeconds: seconds });
  const handoff = new HandoffService({ preferences, clock: timers.clock, timers });
  return { timers, handoff, clipboard: new MemoryClipboard() };
}

const gone = (error: unknown) => error instanceof AppError && error.code === 'not_allowed';

describe('the one-time copy of a new password', () => {
  it('copies once, then clears the clipboard after 30 seconds by default', async () => {
    const { timers, handoff, clipboard } = setup();
    handoff.keep('e1', 'Vq7#Lm-secret-1');
    const result = await handoff.copy('e1', clipboard);
    assert.equal(clipboard.text, 'Vq7#Lm-secret-1');
    assert.equal(result.clearsAt, new Date(Date.UTC(2026, 10, 23) + 30_000).toISOString());
    await assert.rejects(handoff.copy('e1', clipboard), gone);
    await timers.advance(29_999);
    assert.equal(clipboard.text, 'Vq7#Lm-secret-1');
    assert.equal(handoff.clearPending, true);
    await timers.advance(1);
    assert.equal(clipboard.text, '');
    assert.equal(handoff.clearPending, false);
  });

  it('leaves the clipboard alone when the admin copied something else since', async () => {
    const { timers, handoff, clipboard } = setup(5);
    handoff.keep('e1', 'Vq7#Lm-secret-2');
    await handoff.copy('e1', clipboard);
    clipboard.writeText('meeting notes');
    await timers.advance(5_000);
    assert.equal(clipboard.text, 'meeting notes');
  });

  it('0 seconds never clears; the password waits at most 2 minutes to be copied', async () => {
    const { timers, handoff, clipboard } = setup(0);
    handoff.keep('e1', 'Vq7#Lm-secret-3');
    assert.deepEqual(await handoff.copy('e1', clipboard), { copied: true, clearsAt: null });
    await timers.advance(3_600_000);
    assert.equal(clipboard.text, 'Vq7#Lm-secret-3');

    handoff.keep('e2', 'Vq7#Lm-secret-4');
    await timers.advance(HANDOFF_KEEP_MS - 1);
    assert.equal(handoff.available('e2'), true);
    await timers.advance(1);
    assert.equal(handoff.available('e2'), false);
    await assert.rejects(handoff.copy('e2', clipboard), gone);
    await assert.rejects(handoff.copy('never-kept', clipboard), gone);
  });

  it('a second copy replaces the pending clearing; dispose clears what is still there', async () => {
    const { timers, handoff, clipboard } = setup(10);
    handoff.keep('a', 'Vq7#Lm-first');
    handoff.keep('b', 'Vq7#Lm-second');
    await handoff.copy('a', clipboard);
    await timers.advance(5_000);
    await handoff.copy('b', clipboard);
    await timers.advance(5_000);
    assert.equal(clipboard.text, 'Vq7#Lm-second', "the first copy's timer no longer clears");
    await handoff.dispose(clipboard);
    assert.equal(clipboard.text, '');
    assert.equal(timers.pending, 0, 'no timer left behind');
  });

  it('an async clipboard (Electron) is awaited', async () => {
    const { timers, handoff } = setup(1);
    let text = '';
    const clipboard = {
      readText: async () => text,
      writeText: async (t: string) => {
        text = t;
      },
    };
    handoff.keep('e', 'Vq7#Lm-async');
    await handoff.copy('e', clipboard);
    assert.equal(text, 'Vq7#Lm-async');
    await timers.advance(1_000);
    assert.equal(text, '');
  });
});

describe('preferences', () => {
  it('default to 30 seconds, keep valid values, refuse others with the field', () => {
    const store = memoryStore({ [PREFERENCES_KEY]: { clipboardClearSeconds: 'soon' } });
    const preferences = new PreferencesStore(store);
    assert.deepEqual(preferences.get(), { clipboardClearSeconds: 30 }, 'a malformed value reads as the default');
    assert.deepEqual(preferences.set({ clipboardClearSeconds: 90 }), { clipboardClearSeconds: 90 });
    assert.deepEqual(new PreferencesStore(store).get(), { clipboardClearSeconds: 90 });
    for (const bad of [-1, 3601, 2.5]) {
      assert.throws(
        () => preferences.set({ clipboardClearSeconds: bad }),
        (e: unknown) => e instanceof AppError && e.code === 'invalid_input' && e.field === 'clipboardClearSeconds',
      );
    }
    assert.deepEqual(preferences.get(), { clipboardClearSeconds: 90 });
  });
});
