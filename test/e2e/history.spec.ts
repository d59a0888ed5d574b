import type { Outcome } from '../../shared/domain/outcome';
import { SAMPLE } from '../simulator/sample-users';
import { test, expect } from './harness';
import { historyEntries } from './history-seed';
import { changePassword, navItem } from './locators';

const SEED: { user: string; outcome: Outcome }[] = [
  { user: 'olivia.hart@northwind.example', outcome: 'rejected' },
  { user: 'priya.patel@northwind.example', outcome: 'updated' },
  { user: 'tom.becker@northwind.example', outcome: 'not_found' },
  { user: 'priya.patel@northwind.example', outcome: 'rejected' },
  { user: 'aisha.khan@northwind.example', outcome: 'rate_limited' },
  { user: 'marcus.reed@northwind.example', outcome: 'unauthorized' },
  { user: 'jane.doe+zoom@northwind.example', outcome: 'unknown' },
  { user: 'me', outcome: 'failed' },
  { user: 'priya.patel@northwind.example', outcome: 'updated' },
  { user: 'tom.becker@northwind.example', outcome: 'updated' },
];

test('an empty history says so and offers the next step', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: 'No history yet' })).toBeVisible();
  await expect(page.getByTestId('history-count')).toHaveText('0 entries');
  await app.screenshot('history-empty', { small: true });
  await page.getByRole('button', { name: 'Change a password' }).click();
  await expect(navItem(page, 'Change password')).toHaveAttribute('aria-current', 'page');
});

test('history lists entries newest first, filters them, and shows details', async ({ app }) => {
  const { page } = app;
  const seeded = historyEntries(SEED);
  app.seedHistory(seeded);
  await app.open();
  await navItem(page, 'History').click();

  const grid = page.getByRole('grid', { name: /Request history/ });
  const rows = grid.locator('[role="row"][data-entry-id]');
  await expect(page.getByTestId('history-count')).toHaveText('10 entries');
  await expect(rows).toHaveCount(10);
  const newestFirst = [...seeded].reverse().map((e) => e.id);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id')))).toEqual(newestFirst);
  // Local time in the cell, the exact ISO time on hover.
  const firstTime = rows.first().locator('time');
  await expect(firstTime).toHaveAttribute('title', seeded[9]?.at ?? '');

  // Details of the selected row.
  await rows.nth(3).click();
  const details = page.getByTestId('history-details');
  await expect(details).toContainText('jane.doe+zoom@northwind.example');
  await expect(details).toContainText('Unknown: may have applied');
  await expect(rows.nth(3)).toHaveAttribute('aria-selected', 'true');
  await app.screenshot('history-entries', { small: true });
  await page.getByRole('button', { name: 'Close details' }).click();
  await expect(details).toBeHidden();

  // Filter by user (case-insensitive substring)...
  await page.getByRole('searchbox', { name: 'Filter by user' }).fill('PRIYA');
  await expect(page.getByTestId('history-count')).toHaveText('3 of 10 entries');
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) await expect(row).toContainText('priya.patel@northwind.example');

  // ... and by outcome.
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('updated');
  await expect(page.getByTestId('history-count')).toHaveText('2 of 10 entries');
  for (const row of await rows.all()) await expect(row).toHaveAttribute('data-outcome', 'updated');

  // Nothing matches: a different empty state, with the way back.
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('not_found');
  await expect(page.getByRole('heading', { name: 'No matching entries' })).toBeVisible();
  await app.screenshot('history-no-matches');
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.getByTestId('history-count')).toHaveText('10 entries');
  await expect(page.getByRole('searchbox', { name: 'Filter by user' })).toHaveValue('');
});

test('history updates as soon as a request finishes, and when the window regains focus', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  app.seedHistory(historyEntries(SEED.slice(0, 3)));
  await app.open();

  // Open the history once so its view exists, then change a password.
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('history-count')).toHaveText('3 entries');
  await page.keyboard.press('Control+1');
  await changePassword(page, SAMPLE.member, app.newPassword());
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'updated');

  await page.keyboard.press('Control+2');
  const rows = page.locator('[role="row"][data-entry-id]');
  await expect(page.getByTestId('history-count')).toHaveText('4 entries');
  await expect(rows.first()).toContainText(SAMPLE.member);
  await expect(rows.first()).toHaveAttribute('data-outcome', 'updated');

  // Another process (zpa) appends: the list catches up when the window regains focus.
  const [fromCli] = historyEntries([{ user: 'from.cli@northwind.example', outcome: 'rejected' }], Date.now());
  if (fromCli === undefined) throw new Error('no entry');
  app.seedHistory([{ ...fromCli, source: 'zpa' }]);
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await expect(page.getByTestId('history-count')).toHaveText('5 entries');
  await expect(rows.first()).toContainText('from.cli@northwind.example');
});

test('a history of 100,000 entries stays virtual and reaches its oldest entry', async ({ app }) => {
  const { page } = app;
  const outcomes: Outcome[] = ['updated', 'rejected', 'not_found', 'updated', 'failed'];
  const seeded = historyEntries(
    Array.from({ length: 100_000 }, (_, i) => ({
      user: `user${i}@northwind.example`,
      outcome: outcomes[i % 5] ?? 'updated',
    })),
  );
  app.seedHistory(seeded);
  await app.open();
  await page.keyboard.press('Control+2');

  await expect(page.getByTestId('history-count')).toHaveText('100,000 entries');
  const grid = page.getByRole('grid', { name: /Request history/ });
  await expect(grid).toHaveAttribute('aria-rowcount', '100001');
  const rows = grid.locator('[role="row"][data-entry-id]');
  await expect(rows.first()).toContainText('user99999@northwind.example');
  // Only the rows in view (plus overscan) exist in the DOM.
  expect(await grid.locator('[role="row"]').count()).toBeLessThan(60);

  // Keyboard: select the first row, End jumps to the oldest entry (loaded on demand).
  await rows.first().click();
  await grid.press('End');
  await expect(page.getByTestId('history-details')).toContainText('user0@northwind.example');
  await expect(grid.locator('[aria-selected="true"]')).toContainText('user0@northwind.example');
  await grid.press('ArrowUp');
  await expect(page.getByTestId('history-details')).toContainText('user1@northwind.example');
  await grid.press('Home');
  await expect(page.getByTestId('history-details')).toContainText('user99999@northwind.example');
  await grid.press('Escape');
  await expect(page.getByTestId('history-details')).toBeHidden();
});
