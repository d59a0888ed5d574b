import { useId, useMemo, type Ref } from 'react';
import type { PasswordCheck, PasswordPolicy } from '../../../shared/password/rules';
import { STRENGTH_LABELS } from '../../../shared/password/strength';
import { matchItem, toChecklist } from '../format/checklist';
import type { PasswordPolicyState } from '../hooks/use-password-policy';
import type { EstimatorState } from '../hooks/use-strength-estimator';
import { PasswordField } from './PasswordField';
import { PasswordGenerator } from './PasswordGenerator';
import { PolicySource } from './PolicySource';
import { RuleChecklist } from './RuleChecklist';
import { StrengthMeter } from './StrengthMeter';

/**
 * The new password typed twice (or generated), with the account's rules checked live beside it, where the rules
 * come from, and how hard the password is to guess.
 */
export function NewPasswordSection({
  password,
  confirmation,
  onPassword,
  onConfirmation,
  onGenerated,
  visible,
  onVisibleChange,
  check,
  policy,
  effectivePolicy,
  estimator,
  userInputs,
  disabled,
  passwordRef,
  resetKey,
}: {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  onGenerated: (password: string) => void;
  visible: boolean;
  onVisibleChange: (visible: boolean) => void;
  check: PasswordCheck;
  policy: PasswordPolicyState;
  /** The rules in force: the account's once known, else Zoom's basic ones. */
  effectivePolicy: Readonly<PasswordPolicy>;
  estimator: EstimatorState;
  /** The user's name and e-mail: a password built from them is easy to guess. */
  userInputs: readonly string[];
  disabled: boolean;
  passwordRef: Ref<HTMLInputElement>;
  /** Changes after each submit: the confirmation field starts again hidden (the generator keeps its settings). */
  resetKey: number;
}) {
  const checklistId = useId();
  const items = [...toChecklist(check.rules, password !== ''), matchItem(password, confirmation)];
  const matches = password === confirmation;
  const common = check.rules.some((r) => r.id === 'not-common' && !r.ok);
  const estimate = useMemo(() => {
    if (estimator.kind !== 'ready' || password === '') return null;
    const found = estimator.estimator.estimate(password, userInputs);
    // A dressed-up common password is the first thing an attacker tries, whatever the estimate says.
    if (!common || found.score <= 1) return found;
    return {
      ...found,
      score: 1 as const,
      label: STRENGTH_LABELS[1],
      crackTime: 'very little time',
      warning: 'This is a common password with a few letters swapped: it is among the first ones guessed.',
    };
  }, [estimator, password, userInputs, common]);
  const source = policy.policy?.source;
  return (
    <div className="password-grid">
      <div className="password-fields">
        <PasswordField
          label="New password"
          name="new-password"
          value={password}
          onChange={onPassword}
          disabled={disabled}
          describedBy={checklistId}
          invalid={password !== '' && !check.ok}
          inputRef={passwordRef}
          visible={visible}
          onVisibleChange={onVisibleChange}
        />
        <PasswordField
          key={resetKey}
          label="Confirm new password"
          name="confirm-password"
          value={confirmation}
          onChange={onConfirmation}
          disabled={disabled}
          describedBy={checklistId}
          invalid={confirmation !== '' && !matches}
        />
        <PasswordGenerator policy={effectivePolicy} disabled={disabled} onGenerate={onGenerated} />
        <StrengthMeter estimator={estimator} estimate={estimate} typed={password !== ''} />
      </div>
      <RuleChecklist
        id={checklistId}
        items={items}
        title={source === 'account' ? 'The account’s password rules' : 'Zoom’s password rules'}
        footer={
          <PolicySource
            policy={policy.policy}
            loading={policy.loading}
            error={policy.error}
            onRefresh={policy.refresh}
          />
        }
      />
    </div>
  );
}
