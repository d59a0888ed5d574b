import type { StrengthEstimate } from '../../../shared/password/strength';
import type { EstimatorState } from '../hooks/use-strength-estimator';

const TONES = ['danger', 'danger', 'warning', 'success', 'success'] as const;

/**
 * How hard the password is to guess (zxcvbn-ts), beyond Zoom's rules: a password can meet every rule and still
 * be a name plus a year. Advice only; it never blocks a change.
 */
export function StrengthMeter({
  estimator,
  estimate,
  typed,
}: {
  estimator: EstimatorState;
  estimate: StrengthEstimate | null;
  typed: boolean;
}) {
  const score = typed && estimate !== null ? estimate.score : -1;
  const tone = typed && estimate !== null ? TONES[estimate.score] : 'neutral';
  let words: string;
  if (!typed) words = 'Type or generate a password to see how hard it is to guess.';
  else if (estimate !== null) words = `Would take ${estimate.crackTime} to crack offline.`;
  else if (estimator.kind === 'failed') words = 'The strength estimate is not available.';
  else words = 'Estimating…';
  return (
    <div className="strength" data-testid="strength" data-score={score >= 0 ? String(score) : 'none'}>
      <div className="strength-head">
        <span className="strength-title">Strength</span>
        <span className={`strength-label tone-${tone}`} data-testid="strength-label">
          {score >= 0 && estimate !== null ? estimate.label : '—'}
        </span>
      </div>
      <div
        className={`strength-bar strength-${tone}`}
        role="meter"
        aria-label="Password strength"
        aria-valuemin={0}
        aria-valuemax={4}
        aria-valuenow={Math.max(0, score)}
        aria-valuetext={score >= 0 && estimate !== null ? estimate.label : 'Not estimated'}
      >
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={`strength-segment${score >= 0 && i < Math.max(1, score) ? ' is-on' : ''}`} />
        ))}
      </div>
      <p className="strength-text">{words}</p>
      {typed && estimate !== null && (estimate.warning !== null || estimate.suggestions.length > 0) ? (
        <p className="strength-advice">{estimate.warning ?? estimate.suggestions[0]}</p>
      ) : null}
    </div>
  );
}
