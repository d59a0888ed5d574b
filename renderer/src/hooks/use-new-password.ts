import { useCallback, useMemo, useState } from 'react';
import { BASIC_POLICY, checkPassword } from '../../../shared/password/rules';
import { usePasswordPolicy } from './use-password-policy';
import { useStrengthEstimator } from './use-strength-estimator';

/**
 * The new password typed twice (or generated), checked against the account's policy as it changes. The
 * password lives here only while it is typed: take() empties the fields when it is handed to main.
 */
export function useNewPassword(account: string | undefined) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [visible, setVisible] = useState(false);
  // Changes after each submit, so the confirmation field starts again hidden.
  const [generation, setGeneration] = useState(0);
  const policy = usePasswordPolicy(account);
  const effectivePolicy = policy.policy?.policy ?? BASIC_POLICY;
  const estimator = useStrengthEstimator(password !== '');
  const isCommon = estimator.kind === 'ready' ? estimator.estimator.isCommon : undefined;
  const check = useMemo(
    () => checkPassword(password, effectivePolicy, { isCommon }),
    [password, effectivePolicy, isCommon],
  );

  const fill = useCallback((value: string) => {
    setPassword(value);
    setConfirmation(value);
  }, []);
  const generated = useCallback(
    (value: string) => {
      fill(value);
      // A generated password is shown: the admin has to pass it on.
      setVisible(true);
    },
    [fill],
  );
  const take = useCallback((): string => {
    setPassword('');
    setConfirmation('');
    setVisible(false);
    setGeneration((g) => g + 1);
    return password;
  }, [password]);

  return {
    password,
    confirmation,
    visible,
    generation,
    policy,
    effectivePolicy,
    estimator,
    check,
    matches: password === confirmation,
    setPassword,
    setConfirmation,
    setVisible,
    generated,
    take,
    /** Gives a password back to both fields (main sent nothing). */
    restore: fill,
  };
}
