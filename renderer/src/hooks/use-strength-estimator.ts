import { useEffect, useState } from 'react';
import { loadStrengthEstimator, type StrengthEstimator } from '../../../shared/password/strength';

export type EstimatorState =
  { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; estimator: StrengthEstimator } | { kind: 'failed' };

/**
 * The strength estimator, loaded once `wanted` (the first character typed): its dictionaries are a few
 * megabytes, not worth reading before anyone types a password. Loaded once, it stays.
 */
export function useStrengthEstimator(wanted: boolean): EstimatorState {
  const [loaded, setLoaded] = useState<EstimatorState | null>(null);
  const done = loaded !== null;
  useEffect(() => {
    if (!wanted || done) return;
    let live = true;
    loadStrengthEstimator().then(
      (estimator) => {
        if (live) setLoaded({ kind: 'ready', estimator });
      },
      () => {
        if (live) setLoaded({ kind: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, done]);
  return loaded ?? (wanted ? { kind: 'loading' } : { kind: 'idle' });
}
