import { Icon } from './Icon';

/** Holds the result's place before the first request, so the layout does not jump. */
export function ResultPlaceholder() {
  return (
    <div className="result result-placeholder">
      <Icon name="info" size={20} />
      <p>
        Zoom&apos;s answer appears here: the outcome in plain words, Zoom&apos;s code, the HTTP status and the tracking
        ID. Every request is also kept in History.
      </p>
    </div>
  );
}
