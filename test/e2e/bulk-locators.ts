import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { SimUserSeed } from '../simulator/sim-types';
import { SAMPLE_USERS } from '../simulator/sample-users';
import { test } from './harness';

export const BULK_CHANNELS = { get: IPC_CHANNELS.getBulkRun } as const;

/**
 * Users only the bulk specs change, so runs in one worker never share a user (the simulator allows
 * ten changes per user a day): `bulkUser('pause', 3)` is bulk.pause.03@northwind.example.
 */
export const BULK_GROUPS = ['import', 'run', 'pause', 'cancel', 'results', 'resume', 'daily', 'dry'] as const;
export type BulkGroup = (typeof BULK_GROUPS)[number];
const PER_GROUP = 40;

export function bulkUser(group: BulkGroup, n: number): string {
  return `bulk.${group}.${String(n).padStart(2, '0')}@northwind.example`;
}

/** The sample account plus the bulk users: pass as `simOptions.users`. */
export const BULK_SIM_USERS: readonly SimUserSeed[] = [
  ...SAMPLE_USERS,
  ...BULK_GROUPS.flatMap((group, g) =>
    Array.from({ length: PER_GROUP }, (_, i) => ({
      // 22 characters, like Zoom's ids, unique per group and row.
      id: `Bk${String(g).padStart(2, '0')}${String(i).padStart(2, '0')}xxxxxxxxxxxxxxxx`.slice(0, 22),
      email: bulkUser(group, i + 1),
      firstName: `Bulk${g}`,
      lastName: `User${i + 1}`,
    })),
  ),
];

/** Writes a CSV (as the admin would have saved it) to the test's own output folder; returns its full path. */
export function writeCsv(name: string, content: string | Buffer): string {
  const file = test.info().outputPath('csv', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** A one-column CSV of `count` bulk users of a group: every password generated. */
export function usersCsv(group: BulkGroup, count: number, from = 1): string {
  const lines = ['email'];
  for (let i = from; i < from + count; i += 1) lines.push(bulkUser(group, i));
  return `${lines.join('\n')}\n`;
}

/** The Bulk screen's controls, found the way a user (or a screen reader) finds them. */
export function bulkLocators(page: Page) {
  const options = page.getByRole('region', { name: 'Run options' });
  return {
    open: page.getByRole('button', { name: /^Open CSV file/ }),
    openAnother: page.getByRole('button', { name: /^Open another file/ }),
    fileName: page.getByTestId('bulk-file-name'),
    preview: page.getByRole('grid', { name: /^Rows of / }),
    previewRows: page.getByTestId('bulk-preview-grid').locator('[role="row"][data-line]'),
    tab: (name: RegExp | string) => page.getByRole('group', { name: 'Show rows' }).getByRole('button', { name }),
    userColumn: page.getByRole('combobox', { name: 'User column' }),
    passwordColumn: page.getByRole('combobox', { name: 'Password column' }),
    options,
    dryRun: page.getByRole('checkbox', { name: 'Dry run' }),
    generate: page.getByRole('checkbox', { name: 'Generate passwords' }),
    passwordsOut: page.getByRole('checkbox', { name: 'Save generated passwords to a file' }),
    rate: page.getByRole('textbox', { name: 'Rate' }),
    concurrency: page.getByRole('textbox', { name: 'Concurrency' }),
    reason: page.getByRole('textbox', { name: 'Reason or ticket' }),
    start: options.getByRole('button', { name: /^(Change|Check) / }),
    confirm: page.getByRole('alertdialog'),
    progress: page.getByRole('progressbar', { name: 'Run progress' }),
    state: page.getByTestId('bulk-run-state'),
    stat: (key: 'done' | 'updated' | 'failed' | 'unknown' | 'remaining' | 'rate' | 'eta') =>
      page.locator(`[data-stat="${key}"] dd`),
    runRows: page.getByTestId('bulk-run-grid').locator('[role="row"][data-row]'),
    pause: page.getByRole('button', { name: 'Pause', exact: true }),
    resume: page.getByRole('button', { name: 'Resume', exact: true }),
    cancel: page.getByRole('button', { name: 'Cancel run…' }),
    exportResults: page.getByRole('button', { name: 'Export results CSV' }),
    rerun: page.getByRole('button', { name: /^Re-run \d+ failed rows?$/ }),
    newImport: page.getByRole('button', { name: 'New import' }),
  };
}

/** How many times the page has asked main for the run's status so far. */
export function pollCount(calls: readonly { channel: string }[]): number {
  return calls.filter((c) => c.channel === BULK_CHANNELS.get).length;
}
