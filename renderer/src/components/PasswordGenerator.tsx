import { useId, useState } from 'react';
import { DEFAULT_GENERATED_LENGTH, generatePassword, LOOK_ALIKES } from '../../../shared/password/generator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordPolicy } from '../../../shared/password/rules';
import { Icon } from './Icon';

/** The shortest length the generator may use under this policy. */
export function minimumLength(policy: Readonly<PasswordPolicy>): number {
  return Math.min(PASSWORD_MAX_LENGTH, Math.max(PASSWORD_MIN_LENGTH, policy.minLength));
}

function lengthProblem(text: string, minimum: number): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return `Enter a length from ${minimum} to ${PASSWORD_MAX_LENGTH}.`;
  const n = Number(trimmed);
  if (n < minimum || n > PASSWORD_MAX_LENGTH) {
    return minimum > PASSWORD_MIN_LENGTH
      ? `The account's policy asks for at least ${minimum}; choose ${minimum} to ${PASSWORD_MAX_LENGTH}.`
      : `Choose ${minimum} to ${PASSWORD_MAX_LENGTH} characters.`;
  }
  return null;
}

/**
 * Generates a cryptographically random password that meets the account's policy and Zoom's basic rules, in
 * this window (it never leaves the renderer until it is sent), and hands it to the form.
 */
export function PasswordGenerator({
  policy,
  disabled,
  onGenerate,
}: {
  policy: Readonly<PasswordPolicy>;
  disabled: boolean;
  onGenerate: (password: string) => void;
}) {
  const minimum = minimumLength(policy);
  const [lengthText, setLengthText] = useState(String(Math.max(DEFAULT_GENERATED_LENGTH, minimum)));
  const [avoidLookAlikes, setAvoidLookAlikes] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const id = useId();
  const problem = lengthProblem(lengthText, minimum) ?? failure;

  const generate = () => {
    if (lengthProblem(lengthText, minimum) !== null) return;
    try {
      onGenerate(generatePassword(policy, { length: Number(lengthText.trim()), avoidLookAlikes }));
      setFailure(null);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'The password could not be generated.');
    }
  };

  return (
    <div className="generator" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="caps-label caps-label-small">
        Generate a password
      </p>
      <div className="generator-controls">
        <button
          type="button"
          className="button button-small"
          disabled={disabled || lengthProblem(lengthText, minimum) !== null}
          onClick={generate}
        >
          <Icon name="wand" size={14} />
          Generate
        </button>
        <label className="generator-length">
          <span>Length</span>
          <input
            className="input input-small"
            type="number"
            min={minimum}
            max={PASSWORD_MAX_LENGTH}
            step={1}
            value={lengthText}
            disabled={disabled}
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : `${id}-problem`}
            onChange={(e) => {
              setLengthText(e.target.value);
              setFailure(null);
            }}
            onKeyDown={(e) => {
              // Enter here generates rather than submitting the change.
              if (e.key === 'Enter') {
                e.preventDefault();
                generate();
              }
            }}
          />
        </label>
        <label className="generator-option">
          <input
            type="checkbox"
            checked={avoidLookAlikes}
            disabled={disabled}
            onChange={(e) => setAvoidLookAlikes(e.target.checked)}
          />
          <span>
            Avoid look-alikes{' '}
            <span className="generator-lookalikes" aria-hidden="true">
              ({LOOK_ALIKES})
            </span>
          </span>
        </label>
      </div>
      {problem === null ? null : (
        <p id={`${id}-problem`} className="field-error" role="alert">
          <Icon name="alert" size={14} />
          {problem}
        </p>
      )}
    </div>
  );
}
