import { DEMO_TOKEN } from '../simulator/sample-users';
import { test, expect } from './harness';
import { fillAccountForm, navItem } from './locators';

test('settings show the active account and lead to the accounts screen; no second token UI', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+3');

  const active = page.locator('[data-field="active-account"]');
  await expect(active).toContainText('Default');
  await expect(active).toContainText('Pasted access token');
  await expect(page.getByText(app.sim.apiBase)).toBeVisible();
  await expect(page.getByText(app.dataDir)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Access token' })).toHaveCount(0);
  await app.screenshot('settings', { small: true });

  await page.getByRole('button', { name: 'Manage accounts' }).click();
  await expect(navItem(page, 'Accounts')).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('#screen-title')).toBeFocused();
});

test.describe('without a usable keychain', () => {
  test.use({ brokenKeychain: true });

  test('the keychain problem is shown with what to do, and nothing is stored', async ({ app }) => {
    const { page } = app;
    await app.open();
    await expect(page.locator('[data-account-state="none"]')).toHaveText('No account');

    await fillAccountForm(page, { name: 'Acme', ...app.simUrls, kind: 'token', token: DEMO_TOKEN });
    await page.getByRole('button', { name: 'Add account' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The account was not added' });
    await expect(refused).toHaveAttribute('data-error-code', 'keychain_unavailable');
    await expect(refused).toContainText('keytar');
    await expect(refused.locator('.callout-action')).not.toBeEmpty();
    // Everything typed stays for another try.
    await expect(page.getByRole('textbox', { name: 'Account name' })).toHaveValue('Acme');
    expect((await app.core.accounts.list()).accounts).toHaveLength(0);
    await app.screenshot('keychain-unavailable');

    // History stays readable without a keychain.
    await page.keyboard.press('Control+2');
    await expect(page.getByRole('heading', { name: 'No history yet' })).toBeVisible();
  });
});

test.describe('start-up notices', () => {
  test.use({ dataFiles: { 'config.json': '{ "recentUsers": [tru' } });

  test('a recovered settings file is announced in a dismissible banner', async ({ app }) => {
    const { page } = app;
    await app.open();
    const notice = page.getByRole('status').filter({ hasText: /settings/i });
    await expect(notice).toBeVisible();
    await app.screenshot('notice');
    await notice.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(notice).toBeHidden();
  });
});

test.describe('demo mode', () => {
  test.use({ demo: true });

  test('the demo banner says requests go to the simulator', async ({ app }) => {
    const { page } = app;
    await app.storeToken();
    await app.open();
    const banner = page.getByRole('note', { name: 'Demo mode' });
    await expect(banner).toContainText('Zoom simulator');
    await expect(banner).toContainText(app.sim.apiBase);
    await app.screenshot('demo');
  });
});
