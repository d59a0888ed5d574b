import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, type AppHarness } from './harness';
import { BULK_SIM_USERS, bulkLocators, bulkUser, pollCount, usersCsv, writeCsv, type BulkGroup } from './bulk-locators';

test.use({ simOptions: { users: BULK_SIM_USERS } });
test.describe.configure({ timeout: 60_000 });

/** Opens the app on the Bulk screen and imports `csv` through the open dialog. */
async function importCsv(app: AppHarness, name: string, csv: string): Promise<ReturnType<typeof bulkLocators>> {
  const { page } = app;
  const b = bulkLocators(page);
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+5');
  app.answerNextOpen(writeCsv(name, csv));
  await b.open.click();
  await expect(b.fileName).toHaveText(name);
  return b;
}

/** Starts the run from the options (confirming the dialog) and returns its id once the run view shows. */
async function startRun(page: Page, options: { rate?: string; reason?: string } = {}): Promise<string> {
  const b = bulkLocators(page);
  if (options.rate !== undefined) await b.rate.fill(options.rate);
  if (options.reason !== undefined) await b.reason.fill(options.reason);
  await b.start.click();
  await expect(b.confirm).toBeVisible();
  await b.confirm.getByRole('button', { name: 'Start run' }).click();
  await expect(b.state).toBeVisible();
  return (await page.locator('.bulk-run').getAttribute('data-run-id')) ?? '';
}

function changes(app: AppHarness, group: BulkGroup, count: number): number[] {
  return Array.from({ length: count }, (_, i) => app.sim.state.passwordChangeCount(bulkUser(group, i + 1)));
}

test('a run shows its progress live, changes every user once, and exports its results', async ({ app }) => {
  const { page } = app;
  const b = await importCsv(app, 'new-term.csv', usersCsv('run', 40));
  // One at a time, and Zoom takes twelve seconds to answer row 12: the run is seen in its middle.
  app.sim.faults.add({ match: { userId: bulkUser('run', 12) }, fault: { kind: 'delay', ms: 12_000 } });
  await b.concurrency.fill('1');
  const runId = await startRun(page, { rate: '10', reason: 'INC-2041' });
  expect(runId).toMatch(/^run-/);

  // Live: the bar and the counts move while rows complete, each with its outcome.
  await expect(b.progress).toHaveAttribute('aria-valuemax', '40');
  await expect(b.progress).toHaveAttribute('aria-valuenow', '11', { timeout: 10_000 });
  await expect(b.state).toHaveAttribute('data-state', 'running');
  await expect(b.stat('done')).toHaveText('11 of 40');
  await expect(b.stat('remaining')).toHaveText('29');
  await expect(b.stat('rate')).toHaveText(/^\d+(\.\d)? \/ s$/);
  await expect(b.stat('eta')).toHaveText(/^\d+ seconds?$/);
  await expect(b.runRows.and(page.locator('[data-row="11"]'))).toContainText('Updated');
  await expect(b.runRows.and(page.locator('[data-row="12"]'))).toContainText('Sending…');
  await app.screenshot('bulk-run-progress', { small: true });

  await expect(b.state).toHaveAttribute('data-state', 'finished', { timeout: 20_000 });
  await expect(b.state).toHaveText('Finished');
  await expect(b.progress).toHaveAttribute('aria-valuenow', '40');
  await expect(b.stat('done')).toHaveText('40 of 40');
  await expect(b.stat('updated')).toHaveText('40');
  await expect(b.stat('failed')).toHaveText('0');
  await expect(b.stat('remaining')).toHaveText('0');
  await expect(b.stat('eta')).toHaveText('None');
  await expect(b.pause).toHaveCount(0);

  // Each user changed exactly once, each request in the history with the run's id and the reason.
  expect(changes(app, 'run', 40)).toEqual(Array(40).fill(1));
  const entries = app.core.history.list({ limit: 1000 }).entries.filter((e) => e.runId === runId);
  expect(entries).toHaveLength(40);
  expect(entries.every((e) => e.outcome === 'updated' && e.reason === 'INC-2041')).toBe(true);

  // Results: exported as CSV to the file picked in the save dialog.
  await b.exportResults.click();
  await expect(page.getByTestId('bulk-export-result')).toContainText('Exported 40 rows to');
  const file = app.saveDialogs.at(-1)?.answer ?? '';
  await expect(page.getByTestId('bulk-export-file')).toHaveText(file);
  const lines = fs
    .readFileSync(file, 'utf8')
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toBe('User,Outcome,Zoom code,Message,Tracking ID,Row,State,HTTP status,Requests,Request ID');
  expect(lines).toHaveLength(41);
  expect(lines[1]).toMatch(new RegExp(`^${bulkUser('run', 1).replace(/\./g, '\\.')},updated,`));
  await app.screenshot('bulk-run-finished', { small: true });

  // The run is listed under Recent runs once a new import starts.
  await b.newImport.click();
  await expect(b.open).toBeVisible();
  await expect(page.locator(`[data-run-id="${runId}"]`)).toContainText('40 updated, 0 failed');
});

test('pause stops sending until resume; each user is still changed exactly once', async ({ app }) => {
  const { page } = app;
  const b = await importCsv(app, 'pause.csv', usersCsv('pause', 12));
  // One at a time; Zoom takes five seconds over row 4, so the pause lands while it is out.
  app.sim.faults.add({ match: { userId: bulkUser('pause', 4) }, fault: { kind: 'delay', ms: 5_000 } });
  await b.concurrency.fill('1');
  const runId = await startRun(page, { rate: '5' });
  await expect(b.progress).toHaveAttribute('aria-valuenow', '3', { timeout: 10_000 });

  // Pausing lets the request on its way get its answer, then sends nothing more.
  await b.pause.click();
  await expect(b.state).toHaveAttribute('data-state', 'paused', { timeout: 10_000 });
  await expect(b.stat('done')).toHaveText('4 of 12');
  await expect(b.state).toHaveText('Paused');
  await expect(b.stat('eta')).toHaveText('Paused');
  const done = app.core.bulk.status(runId).counts.done;
  const sent = changes(app, 'pause', 12).reduce((a, n) => a + n, 0);
  expect(sent).toBe(done);
  await expect(b.stat('done')).toHaveText(`${done} of 12`);
  await app.screenshot('bulk-run-paused');

  // While paused the screen keeps asking, and nothing more is sent.
  const polls = pollCount(app.calls);
  await expect.poll(() => pollCount(app.calls), { timeout: 10_000 }).toBeGreaterThanOrEqual(polls + 3);
  expect(changes(app, 'pause', 12).reduce((a, n) => a + n, 0)).toBe(sent);
  await expect(b.stat('done')).toHaveText(`${done} of 12`);

  await b.resume.click();
  await expect(b.state).toHaveAttribute('data-state', /^(running|finished)$/);
  await expect(b.state).toHaveAttribute('data-state', 'finished', { timeout: 20_000 });
  await expect(b.stat('updated')).toHaveText('12');
  expect(changes(app, 'pause', 12)).toEqual(Array(12).fill(1));
});

test('cancel asks first, then leaves the rows not sent yet unsent', async ({ app }) => {
  const { page } = app;
  const b = await importCsv(app, 'cancel.csv', usersCsv('cancel', 10));
  app.sim.faults.add({ match: { userId: bulkUser('cancel', 3) }, fault: { kind: 'delay', ms: 5_000 } });
  await b.concurrency.fill('1');
  const runId = await startRun(page, { rate: '5' });
  await expect(b.progress).toHaveAttribute('aria-valuenow', '2', { timeout: 10_000 });

  await b.cancel.click();
  const dialog = page.getByRole('alertdialog', { name: 'Cancel this run?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep running' })).toBeFocused();
  await app.screenshot('bulk-cancel-dialog');
  await dialog.getByRole('button', { name: 'Cancel run' }).click();

  await expect(b.state).toHaveAttribute('data-state', 'cancelled', { timeout: 10_000 });
  await expect(dialog).toBeHidden();
  // Row 3 was on its way: it got its answer; rows 4 to 10 were never sent.
  await expect(b.stat('updated')).toHaveText('3');
  const status = app.core.bulk.status(runId);
  expect(status.counts.updated).toBe(3);
  await expect(b.runRows.and(page.locator('[data-state="cancelled"]')).first()).toContainText('Not sent (cancelled)');
  // Only the rows Zoom answered were changed, once each.
  const changed = changes(app, 'cancel', 10);
  expect(changed.filter((n) => n === 1)).toHaveLength(status.counts.updated);
  expect(changed.every((n) => n <= 1)).toBe(true);
  await expect(b.exportResults).toBeEnabled();
});
