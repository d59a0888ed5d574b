import { OUTCOME_LABELS, type Outcome } from '../../../shared/domain/outcome';
import { OUTCOME_STYLE } from '../format/outcome';
import { Icon } from './Icon';

/** The outcome as a coloured label with an icon (colour is never the only signal). */
export function OutcomeBadge({
  outcome,
  size = 'normal',
  label,
}: {
  outcome: Outcome;
  size?: 'normal' | 'small';
  /** Instead of the outcome's own label, e.g. "Updated (confirmed)". */
  label?: string;
}) {
  const style = OUTCOME_STYLE[outcome];
  return (
    <span className={`badge badge-${style.tone} badge-${size}`} data-outcome={outcome}>
      <Icon name={style.icon} size={size === 'small' ? 12 : 14} />
      {label ?? OUTCOME_LABELS[outcome]}
    </span>
  );
}
