// App-wide signal that the history changed (a request finished), so every view that shows history or
// recent users reloads without the screens knowing about each other.
const bus = new EventTarget();
const HISTORY_CHANGED = 'history-changed';

/** Announces that a request finished and a history entry was written. */
export function emitHistoryChanged(): void {
  bus.dispatchEvent(new Event(HISTORY_CHANGED));
}

/** Calls `listener` after every finished request; returns the unsubscribe function. */
export function onHistoryChanged(listener: () => void): () => void {
  bus.addEventListener(HISTORY_CHANGED, listener);
  return () => bus.removeEventListener(HISTORY_CHANGED, listener);
}
