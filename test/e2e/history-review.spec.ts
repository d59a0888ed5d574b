import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { HistoryEntry, HistoryFilter } from '../../shared/domain/history';
import { HISTORY_CHANNELS, historyLocators, historyRows, listedIds } from './history-locators';
import { test, expect } from './harness';
import { FORMULAS, matchesFilter, reviewHistory } from './history-seed';

const COUNT = 100_000;
// The newest entry starts a minute ago: the whole history lies in the past, spread over 400 days.
const END = Date.now() - 60_000;
const seed = reviewHistory(COUNT, END);
const seedById = new Map(seed.map((e) => [e.id, e]));
const fmt = (n: number) => n.toLocaleString('en-US');
const expectedCount = (filter: HistoryFilter) => seed.filter((e) => matchesFilter(e, filter)).length;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** Seeds 100,000 chained entries in one write, opens the app on the history and waits for the count. */
async function openLargeHistory(app: {
  page: Page;
  appendHistory: (e: typeof seed) => void;
  open: () => Promise<void>;
}): Promise<void> {
  app.appendHistory(seed);
  await app.open();
  await app.page.keyboard.press('Control+2');
  await expect(historyLocators(app.page).count).toHaveText('100,000 entries', { timeout: 15_000 });
}

test.describe('the review screen over 100,000 entries', () => {
  test.describe.configure({ timeout: 120_000 });

  test('filters by each kind and combined, debounced, with the count and a way back', async ({ app }) => {
    const { page } = app;
    await openLargeHistory(app);
    const h = historyLocators(page);
    await expect(h.grid).toHaveAttribute('aria-rowcount', String(COUNT + 1));
    expect(await h.grid.locator('[role="row"]').count(), 'only the rows in view exist').toBeLessThan(60);
    await app.screenshot('history-100k', { small: true });

    const expectFilter = async (filter: HistoryFilter) => {
      const n = expectedCount(filter);
      expect(n, `the seed has matches for ${JSON.stringify(filter)}`).toBeGreaterThan(0);
      await expect(h.count).toHaveText(`${fmt(n)} of 100,000 entries`);
      const shown = await listedIds(page, 5);
      expect(shown.length).toBe(Math.min(5, n));
      for (const id of shown) {
        const entry = seedById.get(id);
        expect(entry !== undefined && matchesFilter(entry, filter), `${id} matches ${JSON.stringify(filter)}`).toBe(
          true,
        );
      }
      return n;
    };

    // Each kind alone.
    await h.user.fill('PRIYA.KHAN');
    await expectFilter({ user: 'priya.khan' });
    await h.clear.first().click();
    await expect(h.count).toHaveText('100,000 entries');

    await h.account.fill('emea');
    await expectFilter({ account: 'emea' });
    await h.account.fill('Default');
    await expectFilter({ account: 'default' });
    await h.account.fill('');

    await h.outcome.selectOption('rate_limited');
    await expectFilter({ outcome: 'rate_limited' });
    await h.outcome.selectOption('');

    const from = dayOf(END - 30 * DAY);
    const to = dayOf(END - 10 * DAY);
    const range = { since: `${from}T00:00:00.000Z`, until: new Date(Date.parse(to) + DAY).toISOString() };
    await h.from.fill(from);
    await h.to.fill(to);
    await expectFilter(range);
    // A start after the end is refused in words, and not applied.
    await h.from.fill(dayOf(END - 5 * DAY));
    await expect(page.getByRole('alert').filter({ hasText: 'The start date is after the end date.' })).toBeVisible();
    await expect(h.count).toHaveText('100,000 entries');
    await h.from.fill('');
    await h.to.fill('');

    await h.search.fill('INC-1234');
    await expectFilter({ search: 'INC-1234' });
    const rid = seed[12_345]?.trackingId?.split('rid=')[1]?.slice(0, 6) ?? 'none';
    await h.search.fill(rid.toLowerCase());
    await expectFilter({ search: rid });

    // Combined: free text, outcome, account and dates at once.
    await h.search.fill('olivia');
    await h.outcome.selectOption('rejected');
    await h.account.fill('EMEA');
    await h.from.fill(dayOf(END - 200 * DAY));
    await h.to.fill(dayOf(END));
    const combined = {
      search: 'olivia',
      outcome: 'rejected',
      account: 'emea',
      since: `${dayOf(END - 200 * DAY)}T00:00:00.000Z`,
      until: new Date(Date.parse(dayOf(END)) + DAY).toISOString(),
    } as const;
    await expectFilter(combined);
    await h.to.blur();
    await app.screenshot('history-filtered', { small: true });

    // Typing quickly asks main once the typing stops, not once per key.
    await h.clear.first().click();
    await expect(h.count).toHaveText('100,000 entries');
    const before = app.calls.filter((c) => c.channel === HISTORY_CHANNELS.list).length;
    await h.user.pressSequentially('marcus.reed', { delay: 20 });
    await expectFilter({ user: 'marcus.reed' });
    const during = app.calls.filter((c) => c.channel === HISTORY_CHANNELS.list).length - before;
    expect(during, 'debounced: a handful of list calls, not one per character').toBeLessThan(8);
  });

  test('exports the current filter as CSV and JSON, spreadsheet-safe, to the file the user picked', async ({ app }) => {
    const { page } = app;
    await openLargeHistory(app);
    const h = historyLocators(page);
    const filter = { outcome: 'updated', account: 'apac' } as const;
    await h.outcome.selectOption('updated');
    await h.account.fill('apac');
    const n = expectedCount(filter);
    await expect(h.count).toHaveText(`${fmt(n)} of 100,000 entries`);

    await h.exportCsv.click();
    const csvFile = app.saveDialogs.at(-1)?.answer ?? '';
    const exported = page.getByTestId('export-result');
    await expect(exported).toContainText(`Exported ${fmt(n)} entries to ${csvFile}`);
    expect(app.saveDialogs.at(-1)?.request.defaultName).toMatch(/^zoom-password-history-filtered-[\d-]+\.csv$/);
    const csv = fs.readFileSync(csvFile, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Time,Account,User,User name,Outcome,/);
    expect(lines.length - 1, 'one row per entry the filter shows').toBe(n);
    expect(lines.slice(1).every((line) => line.includes(',apac,') && line.includes(',updated,'))).toBe(true);
    await app.screenshot('history-export-done', { small: true });

    await h.exportJson.click();
    const jsonFile = app.saveDialogs.at(-1)?.answer ?? '';
    expect(jsonFile).toMatch(/\.json$/);
    await expect(exported).toContainText(`Exported ${fmt(n)} entries to ${jsonFile}`);
    const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as HistoryEntry[];
    expect(json.length).toBe(n);
    expect(json.every((e) => matchesFilter(e, filter) && typeof e.hash === 'string')).toBe(true);
    expect((json[0]?.at ?? '') >= (json[1]?.at ?? ''), 'newest first, as shown').toBe(true);

    // Cells that a spreadsheet would run as formulas come out as text.
    await h.clear.first().click();
    await h.search.fill('evil.example');
    await expect(h.count).toHaveText(`${fmt(expectedCount({ search: 'evil.example' }))} of 100,000 entries`);
    app.answerNextSave(`${app.exportDir}/formulas.csv`);
    await h.exportCsv.click();
    await expect(exported).toContainText(`to ${app.exportDir}/formulas.csv`);
    const risky = fs.readFileSync(`${app.exportDir}/formulas.csv`, 'utf8');
    expect(risky).toContain(`"'${FORMULAS.reason.replaceAll('"', '""')}"`);
    expect(risky).toContain(`'${FORMULAS.userName}`);
    expect(risky).toContain(`'${FORMULAS.zoomMessage}`);
    expect(risky).toContain(`'${FORMULAS.message}`);
    expect(risky).not.toMatch(/(^|,)"?[=+\-@]/m);

    // Cancelling the save dialog writes nothing and keeps the last result on screen.
    const files = fs.readdirSync(app.exportDir).length;
    app.answerNextSave(null);
    await h.exportJson.click();
    await expect(h.exportJson).toBeEnabled();
    expect(fs.readdirSync(app.exportDir).length).toBe(files);
    expect(app.calls.at(-1)?.result).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  test('scrolls to the end lazily, sorts oldest first, and opens details with the keyboard', async ({ app }) => {
    const { page } = app;
    const stored = app.core.history.appendMany(seed);
    await app.open();
    await page.keyboard.press('Control+2');
    const h = historyLocators(page);
    await expect(h.count).toHaveText('100,000 entries', { timeout: 15_000 });
    const rows = historyRows(page);
    await expect(rows.first()).toHaveAttribute('data-entry-id', stored.at(-1)?.id ?? '');

    // Scroll to the bottom with the scroll bar: the last page is fetched, not the 999 before it.
    await h.grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(h.grid.locator(`[data-entry-id="${stored[0]?.id}"]`)).toBeVisible();
    const listed = app.calls
      .filter((c) => c.channel === HISTORY_CHANNELS.list && c.result.ok)
      .reduce((sum, c) => sum + ((c.result as { value: { entries: unknown[] } }).value.entries.length ?? 0), 0);
    expect(listed, 'entries sent to the page so far').toBeLessThan(2_000);

    // Sort by time: oldest first, announced on the header.
    await h.timeHeader.getByRole('button').click();
    await expect(h.timeHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(h.grid).toHaveAttribute('aria-label', 'Request history, oldest first');
    await expect(rows.first()).toHaveAttribute('data-entry-id', stored[0]?.id ?? '');

    // Keyboard: Home, arrows, Page Down, End move the selection; Enter opens the details; Escape closes.
    await h.grid.focus();
    await page.keyboard.press('Home');
    await expect(h.selected).toHaveAttribute('data-entry-id', stored[0]?.id ?? '');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(h.selected).toHaveAttribute('data-entry-id', stored[2]?.id ?? '');
    await page.keyboard.press('PageDown');
    const afterPage = await h.selected.getAttribute('data-entry-id');
    expect(Number(afterPage?.slice(4))).toBeGreaterThan(8);
    await page.keyboard.press('PageUp');
    await expect(h.selected).toHaveAttribute('data-entry-id', stored[2]?.id ?? '');
    await expect(h.details).toBeHidden();
    await page.keyboard.press('End');
    const newest = stored.at(-1) as HistoryEntry;
    await expect(h.selected).toHaveAttribute('data-entry-id', newest.id);
    await page.keyboard.press('Enter');
    await expect(h.details).toBeVisible();
    await expect(h.details).toContainText(newest.user);
    await expect(h.details).toContainText(`#${fmt(newest.seq ?? 0)}`);
    await expect(h.details).toContainText(newest.hash ?? 'no hash');
    await expect(h.details).toContainText(newest.prevHash ?? 'no previous hash');
    await expect(h.grid).toBeFocused();
    const ring = await h.selected.evaluate((el) => getComputedStyle(el, '::after').borderTopStyle);
    expect(ring, 'the selected row shows the focus').toBe('solid');
    // The details follow the selection while open.
    await page.keyboard.press('ArrowUp');
    await expect(h.details).toContainText(stored.at(-2)?.id ?? '');
    await page.keyboard.press('ArrowDown');
    await app.screenshot('history-details', { small: true });
    await page.keyboard.press('Escape');
    await expect(h.details).toBeHidden();
    await expect(h.selected).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(h.selected).toHaveCount(0);

    // Details by mouse: every field, with copy buttons.
    await rows.nth(2).click();
    await expect(h.details).toBeVisible();
    for (const name of ['Copy user', 'Copy request ID', 'Copy hash', 'Copy previous hash']) {
      await expect(h.details.getByRole('button', { name })).toBeVisible();
    }
    await h.details.getByRole('button', { name: 'Close details' }).click();
    await expect(h.details).toBeHidden();
    await expect(h.grid).toBeFocused();

    // Columns: drag a header edge to resize, double-click it for the default width.
    const userHeader = h.grid.getByRole('columnheader', { name: 'User' });
    const width = async () => (await userHeader.boundingBox())?.width ?? 0;
    const initial = await width();
    const handle = (await userHeader.locator('.col-resize').boundingBox()) ?? { x: 0, y: 0, width: 0, height: 0 };
    const [x, y] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y, { steps: 3 });
    await page.mouse.move(x + 80, y, { steps: 3 });
    await page.mouse.up();
    await expect.poll(width).toBeCloseTo(initial + 80, 0);
    await userHeader.locator('.col-resize').dblclick();
    await expect.poll(width).toBeCloseTo(initial, 0);

    // Wider than the window, the table scrolls sideways; the time column stays in place.
    await h.grid.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await expect(h.grid.getByRole('columnheader', { name: 'Reason / ticket' })).toBeInViewport();
    const gridLeft = (await h.grid.boundingBox())?.x ?? -1;
    for (const timeCell of [h.timeHeader, h.selected.getByRole('gridcell').first()]) {
      await expect.poll(async () => (await timeCell.boundingBox())?.x).toBeCloseTo(gridLeft, 0);
      await expect(timeCell).toBeInViewport();
    }
    await app.screenshot('history-scrolled-sideways');
  });

  test('verify: intact with the last hash; a tampered entry on disk is found and explained', async ({ app }) => {
    const { page } = app;
    const stored = app.core.history.appendMany(seed);
    await app.open();
    await page.keyboard.press('Control+2');
    const h = historyLocators(page);
    await expect(h.count).toHaveText('100,000 entries', { timeout: 15_000 });

    await h.verify.click();
    const report = page.getByTestId('verify-result');
    await expect(report).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
    await expect(report).toContainText('History intact');
    await expect(report.getByTestId('verify-checked')).toHaveText(
      '100,000 entries checked: none was altered, removed or reordered.',
    );
    await expect(report.getByTestId('verify-last-hash')).toHaveText(stored.at(-1)?.hash ?? '');
    await app.screenshot('history-verify-ok');

    // Someone edits entry 41,234 in the file: a different user, same hash.
    const victim = stored[41_233] as HistoryEntry;
    const text = fs.readFileSync(app.historyFile, 'utf8');
    const line = `${JSON.stringify(victim)}\n`;
    expect(text.includes(line)).toBe(true);
    fs.writeFileSync(app.historyFile, text.replace(line, line.replace(victim.user, 'someone.else@northwind.example')));

    await h.verify.click();
    await expect(report).toHaveAttribute('data-ok', 'false', { timeout: 20_000 });
    await expect(report).toHaveAttribute('role', 'alert');
    await expect(report).toContainText('The history was altered');
    await expect(report.getByTestId('verify-where')).toContainText(
      `Line 41,234 of history.jsonl, record #41,234, request ID ${victim.id}`,
    );
    await expect(report).toContainText('does not match its hash');
    await expect(report).toContainText('What to do:');
    await app.screenshot('history-verify-problem', { small: true });
  });
});

test('a retention period is applied after a confirmation, and the removal is recorded', async ({ app }) => {
  const { page } = app;
  const small = reviewHistory(800, END, 400);
  app.appendHistory(small);
  await app.open();
  await page.keyboard.press('Control+3');
  const card = page.getByTestId('retention-card');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByRole('radio', { name: 'Keep everything (default)' })).toBeChecked();
  await expect(card.getByTestId('retention-current')).toContainText('Everything is kept.');
  await expect(card.getByRole('button', { name: 'Save' })).toBeDisabled();

  await card.getByRole('radio', { name: /Keep the last/ }).check();
  const days = card.getByRole('textbox', { name: 'Days to keep' });
  await days.fill('0');
  await expect(card.getByRole('alert')).toHaveText('Enter a number from 1 to 36,500 (100 years).');
  await days.fill('365');
  await card.getByRole('button', { name: 'Apply…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove entries older than 365 days?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('are removed from the history now, and again each time the app starts');
  await expect(dialog).toContainText('The removal itself is recorded in the history');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.screenshot('settings-retention', { small: true });

  // Cancel keeps everything.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(app.core.history.list().total).toBe(800);
  expect(app.core.retention.days).toBeNull();

  await card.getByRole('button', { name: 'Apply…' }).click();
  await dialog.getByRole('button', { name: 'Remove older entries' }).click();
  await expect(dialog).toBeHidden();
  const removed = small.filter((e) => Date.parse(e.at) < Date.now() - 365 * DAY).length;
  expect(removed).toBeGreaterThan(0);
  await expect(card.getByTestId('retention-applied')).toContainText(
    `Saved: ${fmt(removed)} entries older than 365 days removed, ${fmt(800 - removed)} entries kept.`,
  );
  await expect(card.getByTestId('retention-current')).toContainText('older than 365 days are removed at every start');
  expect(app.core.retention.days).toBe(365);
  await card.scrollIntoViewIfNeeded();
  await app.screenshot('settings-retention-applied');

  // The history shows what is left, and still verifies, naming the retention run.
  await page.keyboard.press('Control+2');
  const h = historyLocators(page);
  await expect(h.count).toHaveText(`${fmt(800 - removed)} entries`);
  await h.verify.click();
  const report = page.getByTestId('verify-result');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report.getByTestId('verify-checked')).toHaveText(
    `${fmt(800 - removed)} entries and 1 retention or repair record checked: none was altered, removed or reordered.`,
  );
  await expect(report).toContainText(`Retention of 365 days removed ${fmt(removed)} entries`);

  // Back to keeping everything: no confirmation needed, nothing removed.
  await page.keyboard.press('Control+3');
  await card.getByRole('radio', { name: 'Keep everything (default)' }).check();
  await card.getByRole('button', { name: 'Save' }).click();
  await expect(card.getByTestId('retention-applied')).toHaveText('Saved: the history now keeps everything.');
  expect(app.core.retention.days).toBeNull();
});

test.describe('without a usable keychain', () => {
  test.use({ brokenKeychain: true });

  test('the history is there: it filters, verifies and exports offline', async ({ app }) => {
    const { page } = app;
    const sentBefore = app.sim.requests.length;
    const some = reviewHistory(2_000, END);
    app.appendHistory(some);
    await app.open();
    await expect(page.locator('[data-account-state="none"]')).toHaveText('No account');
    await page.keyboard.press('Control+2');
    const h = historyLocators(page);
    await expect(h.count).toHaveText('2,000 entries');
    await h.outcome.selectOption('not_found');
    const n = some.filter((e) => e.outcome === 'not_found').length;
    await expect(h.count).toHaveText(`${fmt(n)} of 2,000 entries`);
    await h.verify.click();
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
    await h.exportJson.click();
    await expect(page.getByTestId('export-result')).toContainText(`Exported ${fmt(n)} entries to ${app.exportDir}`);
    await historyRows(page).first().click();
    await expect(h.details).toContainText('User not found');
    expect(app.sim.requests.length, 'nothing went to Zoom').toBe(sentBefore);
  });
});
