import { SAMPLE } from '../simulator/sample-users';
import { test, expect, SMALL_WINDOW } from './harness';
import { historyEntries } from './history-seed';
import { changePassword, navItem, sendAnyway } from './locators';

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the OS setting', async ({ app }) => {
    const { page } = app;
    await app.storeToken();
    app.seedHistory(
      historyEntries([
        { user: SAMPLE.memberEmail, outcome: 'updated' },
        { user: SAMPLE.admin, outcome: 'rejected' },
      ]),
    );
    await app.open();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 25, 29)');
    await changePassword(page, SAMPLE.admin, app.newPassword());
    await sendAnyway(page);
    await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'rejected');
    await app.screenshot('dark-change-password');
    await page.keyboard.press('Control+2');
    await page.locator('[role="row"][data-entry-id]').first().click();
    await app.screenshot('dark-history');
  });
});

test.describe('small window', () => {
  test.use({ viewport: SMALL_WINDOW });

  test('the sidebar folds to icons and keeps its names; the result comes first', async ({ app }) => {
    const { page } = app;
    await app.storeToken();
    await app.open();
    const label = navItem(page, 'History').locator('.nav-label');
    expect(await label.evaluate((el) => el.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    await expect(navItem(page, 'History')).toBeVisible();

    await changePassword(page, SAMPLE.memberEmail, app.newPassword());
    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-outcome', 'updated');
    // Stacked layout: the answer sits above the form, in view without scrolling.
    const resultBox = await result.boundingBox();
    const formBox = await page.locator('form.change-form').boundingBox();
    expect(resultBox && formBox && resultBox.y < formBox.y).toBe(true);
    await expect(result).toBeInViewport();
    // Nothing but the screen itself scrolls: the window never grows beyond its size.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(SMALL_WINDOW.height);
  });
});
