import { IPC_CHANNELS } from '../../shared/ipc/channels';
import { test, expect } from './harness';
import { BULK_SIM_USERS, bulkLocators, bulkUser, writeCsv } from './bulk-locators';

test.use({ simOptions: { users: BULK_SIM_USERS } });

test('imports a CSV with bad rows: every row in the preview, bad ones excluded with their problems', async ({
  app,
}) => {
  const { page } = app;
  const b = bulkLocators(page);
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bulk password changes');
  await expect(b.open).toBeVisible();
  await app.screenshot('bulk-start', { small: true });

  // A spreadsheet export: BOM, semicolons, CRLF, quoted fields; good rows and one of each problem.
  const own = app.newPassword();
  const rows = [
    'Email;Password',
    `${bulkUser('import', 1)};`,
    `"${bulkUser('import', 2)}";"${own}"`,
    'not an address;',
    ';',
    `${bulkUser('import', 3)};short`,
    `${bulkUser('import', 1).toUpperCase()};`,
    `${bulkUser('import', 4)};`,
  ];
  const file = writeCsv('spring-term.csv', `\ufeff${rows.join('\r\n')}\r\n`);
  app.answerNextOpen(file);
  await b.open.click();

  await expect(b.fileName).toHaveText('spring-term.csv');
  expect(app.openDialogs.map((d) => d.answer)).toEqual([file]);
  await expect(page.getByText('7 rows · semicolons · header row found')).toBeVisible();
  await expect(b.tab(/^All rows/)).toHaveText('All rows7');
  await expect(b.tab(/^Ready/)).toHaveText('Ready3');
  await expect(b.tab(/^Excluded/)).toHaveText('Excluded4');
  await expect(b.userColumn).toHaveValue('0');
  await expect(b.passwordColumn).toHaveValue('1');
  await expect(page.getByTestId('bulk-password-summary')).toHaveText('Passwords: 1 from the file · 2 to generate');

  // Every row is listed with its file line; the bad ones are marked and say why.
  await expect(b.previewRows).toHaveCount(7);
  const row = (line: number) => b.previewRows.and(page.locator(`[data-line="${line}"]`));
  await expect(row(2)).toHaveAttribute('data-included', 'true');
  await expect(row(2)).toContainText('Will be generated');
  await expect(row(3)).toContainText('In the file');
  await expect(row(3)).toContainText('Ready to send');
  await expect(row(4)).toHaveAttribute('data-included', 'false');
  await expect(row(4)).toContainText('Excluded:');
  await expect(row(5)).toContainText('The row is empty.');
  await expect(row(6)).toContainText('Excluded:');
  await expect(row(7)).toContainText('The same user is on row 1; only that row is used.');
  await expect(row(8)).toHaveAttribute('data-included', 'true');
  // The password itself never reaches the page.
  expect(await page.content()).not.toContain(own);
  await app.screenshot('bulk-preview', { small: true });

  await b.tab(/^Excluded/).click();
  await expect(b.previewRows).toHaveCount(4);
  await expect(b.previewRows.and(page.locator('[data-included="true"]'))).toHaveCount(0);
  await app.screenshot('bulk-preview-excluded');
  await b.tab(/^All rows/).click();

  // Options: rows without a password need "Generate"; the passwords file comes with a warning.
  await expect(b.start).toHaveText('Change 3 passwords…');
  await expect(b.start).toBeEnabled();
  await b.generate.uncheck();
  await expect(b.options.getByText('2 rows have no password: turn on “Generate passwords”')).toBeVisible();
  await expect(b.start).toBeDisabled();
  await expect(row(2)).toContainText('None: turn on Generate');
  await b.generate.check();
  await b.passwordsOut.check();
  await expect(page.getByTestId('passwords-file-warning')).toContainText('in plain text');
  await b.rate.fill('500');
  await expect(b.options.getByText(/^At most \d+ per second: the account's limit/)).toBeVisible();
  await expect(b.start).toBeDisabled();
  await b.rate.fill('5');
  await expect(b.start).toBeEnabled();
  await app.screenshot('bulk-options-passwords-file');

  // Nothing was sent by importing.
  for (let i = 1; i <= 4; i += 1) expect(app.sim.state.passwordChangeCount(bulkUser('import', i))).toBe(0);
  expect(app.calls.some((c) => c.channel === IPC_CHANNELS.startBulkRun)).toBe(false);
});

test('a file without a recognised header: the user column is picked in the preview', async ({ app }) => {
  const { page } = app;
  const b = bulkLocators(page);
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+5');

  const ids = BULK_SIM_USERS.filter((u) => u.email.startsWith('bulk.import.')).map((u) => u.id);
  const file = writeCsv(
    'export.csv',
    `Login name,Department\n${ids[10]},Sales\n${ids[11]},Sales\n${ids[12]},Support\n`,
  );
  app.answerNextOpen(file);
  // Ctrl+O opens the dialog too.
  await page.keyboard.press('Control+O');

  await expect(b.fileName).toHaveText('export.csv');
  await expect(page.getByText('No column named email, user, user_id or id was found')).toBeVisible();
  await expect(b.userColumn).toHaveValue('');
  await expect(b.userColumn).toHaveAttribute('aria-invalid', 'true');
  await expect(b.passwordColumn).toBeDisabled();
  await expect(b.start).toBeDisabled();
  await expect(b.options.getByText('Pick the column that holds the users.')).toBeVisible();
  await app.screenshot('bulk-pick-column');

  await b.userColumn.selectOption({ label: 'Column 1' });
  await expect(b.userColumn).toHaveValue('0');
  // The header line is data now: "login" is not a user, so it is excluded; the three ids are ready.
  await expect(b.tab(/^Ready/)).toHaveText('Ready3');
  await expect(b.tab(/^Excluded/)).toHaveText('Excluded1');
  await expect(b.previewRows.and(page.locator('[data-line="1"]'))).toHaveAttribute('data-included', 'false');
  await expect(b.start).toBeEnabled();

  // A cancelled dialog keeps the preview as it was.
  await b.openAnother.click();
  await expect.poll(() => app.openDialogs.length).toBe(2);
  await expect(b.fileName).toHaveText('export.csv');
  await expect(b.tab(/^Ready/)).toHaveText('Ready3');

  // A file that is not UTF-8 is refused with what to do.
  app.answerNextOpen(writeCsv('latin1.csv', Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xe9, 0x0a])));
  await b.openAnother.click();
  await expect(page.getByRole('alert')).toContainText('The file is not UTF-8 text.');
  await expect(b.fileName).toHaveText('export.csv');
});
