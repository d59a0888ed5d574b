import { useState } from 'react';
import type { BulkPreview, RateLimitSetting } from '../../../shared/ipc/contract';
import type { UiError } from '../api/client';
import { checkOptions, type BulkOptionsForm } from '../bulk/options-form';
import type { BulkImport } from '../hooks/use-bulk-import';
import { BulkColumnPickers } from './BulkColumnPickers';
import { BulkFileBar } from './BulkFileBar';
import { BulkOptions } from './BulkOptions';
import { BulkPreviewTable } from './BulkPreviewTable';
import { BulkStartDialog } from './BulkStartDialog';
import { ErrorCallout } from './ErrorCallout';
import { Icon } from './Icon';

/** An imported file before anything is sent: every row with its problems, the columns, the options. */
export function BulkPreviewView({
  preview,
  importer,
  form,
  onForm,
  account,
  limit,
  limitError,
  starting,
  startError,
  onStart,
}: {
  preview: BulkPreview;
  importer: BulkImport;
  form: BulkOptionsForm;
  onForm: (patch: Partial<BulkOptionsForm>) => void;
  account: string;
  limit: RateLimitSetting | null;
  limitError: UiError | null;
  starting: boolean;
  startError: UiError | null;
  onStart: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const check = checkOptions(form, preview, limit);
  const generate = !form.dryRun && form.generate;
  const rate = form.rate.trim() !== '' ? form.rate.trim() : limit === null ? null : String(limit.perSecond);

  return (
    <div className="bulk-preview">
      <BulkFileBar
        preview={preview}
        opening={importer.busy === 'open'}
        disabled={starting}
        onOpen={() => void importer.open()}
      />
      {importer.error === null ? null : <ErrorCallout error={importer.error} title="The file could not be imported" />}
      {preview.message === null ? null : (
        <div className="callout callout-warning" role="status">
          <Icon name="alert" size={18} className="callout-icon" />
          <p>{preview.message}</p>
        </div>
      )}
      <div className="bulk-preview-main">
        <div className="panel bulk-panel">
          <BulkColumnPickers
            preview={preview}
            busy={importer.busy !== null}
            onChange={(user, password) => void importer.setColumns(user, password)}
          />
          <BulkPreviewTable preview={preview} generate={generate} />
        </div>
        <BulkOptions
          preview={preview}
          form={form}
          onChange={onForm}
          check={check}
          limit={limit}
          limitError={limitError}
          starting={starting}
          startError={startError}
          onStart={() => setConfirming(true)}
        />
      </div>
      <BulkStartDialog
        open={confirming}
        preview={preview}
        account={account}
        dryRun={form.dryRun}
        generated={generate ? preview.counts.withoutPassword : 0}
        passwordsOut={generate && form.passwordsOut}
        rate={rate === null ? "the account's limit" : `up to ${rate} requests per second`}
        busy={starting}
        onConfirm={() => {
          void onStart().then(() => setConfirming(false));
        }}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}
