import { useId } from 'react';
import { CLOUD_LABELS, CLOUD_URLS, type Cloud } from '../accounts/account-model';
import { urlProblem } from '../accounts/validate';
import { TextField } from './TextField';

const CLOUD_HINTS: Readonly<Record<Cloud, string>> = {
  zoom: 'zoom.us accounts',
  gov: 'zoomgov.com accounts',
  custom: 'Your own addresses',
};

/** Zoom, Zoom for Government, or custom addresses (checked as they are typed). */
export function CloudPicker({
  cloud,
  onCloud,
  apiBase,
  oauthBase,
  onApiBase,
  onOAuthBase,
  disabled,
  errors,
}: {
  cloud: Cloud;
  onCloud: (cloud: Cloud) => void;
  apiBase: string;
  oauthBase: string;
  onApiBase: (value: string) => void;
  onOAuthBase: (value: string) => void;
  disabled: boolean;
  /** Errors main reported for the address fields (shown until the field changes). */
  errors: { apiBase?: string; oauthBase?: string };
}) {
  const name = useId();
  const fixed = cloud === 'custom' ? null : CLOUD_URLS[cloud];
  const apiError = apiBase === '' ? null : urlProblem(apiBase, 'API address');
  const oauthError = oauthBase === '' ? null : urlProblem(oauthBase, 'token address');
  return (
    <fieldset className="form-section">
      <legend className="field-label">Zoom cloud</legend>
      <div className="segmented">
        {(['zoom', 'gov', 'custom'] as const).map((option) => (
          <label key={option} className="segment" data-checked={option === cloud}>
            <input
              type="radio"
              name={name}
              value={option}
              checked={option === cloud}
              disabled={disabled}
              onChange={() => onCloud(option)}
            />
            <span className="segment-label">{CLOUD_LABELS[option]}</span>
            <span className="segment-hint" aria-hidden="true">
              {CLOUD_HINTS[option]}
            </span>
          </label>
        ))}
      </div>
      {fixed === null ? (
        <div className="url-fields">
          <TextField
            label="API address"
            name="apiBase"
            mono
            value={apiBase}
            onChange={onApiBase}
            disabled={disabled}
            placeholder="https://api.example.com/v2"
            error={errors.apiBase ?? apiError}
          />
          <TextField
            label="Token address"
            name="oauthBase"
            mono
            value={oauthBase}
            onChange={onOAuthBase}
            disabled={disabled}
            placeholder="https://example.com/oauth/token"
            error={errors.oauthBase ?? oauthError}
          />
        </div>
      ) : (
        <dl className="url-facts" aria-label={`${CLOUD_LABELS[cloud]} addresses`}>
          <div>
            <dt>API</dt>
            <dd>
              <code>{fixed.apiBase}</code>
            </dd>
          </div>
          <div>
            <dt>Tokens</dt>
            <dd>
              <code>{fixed.oauthBase}</code>
            </dd>
          </div>
        </dl>
      )}
    </fieldset>
  );
}
