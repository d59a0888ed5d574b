import { DEMO_TOKEN, NO_SCOPE_TOKEN } from '../simulator/sample-users';
import { test, expect } from './harness';
import { navItem } from './locators';

test('settings show the token state; replace and remove (with confirmation) work', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+3');

  const status = page.locator('.token-status');
  await expect(status).toHaveAttribute('data-token-stored', 'true');
  await expect(status).toContainText('A token is stored in the OS keychain');
  await expect(status.locator('time')).toBeVisible();
  await expect(page.getByText(app.dataDir)).toBeVisible();
  await app.screenshot('settings', { small: true });

  // Replace: the new token goes to the keychain; the page never shows either.
  await page.getByRole('button', { name: 'Replace…' }).click();
  const field = page.getByRole('textbox', { name: 'Access token' });
  await expect(field).toBeFocused();
  await field.fill(NO_SCOPE_TOKEN);
  await page.getByRole('button', { name: 'Replace token' }).click();
  await expect(field).toBeHidden();
  expect(await app.core.vault.readToken()).toBe(NO_SCOPE_TOKEN);
  const html = await page.content();
  expect(html).not.toContain(NO_SCOPE_TOKEN);
  expect(html).not.toContain(DEMO_TOKEN);

  // Remove asks first; Escape and Cancel keep the token.
  await page.getByRole('button', { name: 'Remove…' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove the access token?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.screenshot('remove-dialog', { small: true });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await app.core.vault.readToken()).toBe(NO_SCOPE_TOKEN);

  await page.getByRole('button', { name: 'Remove…' }).click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await app.core.vault.readToken()).toBe(NO_SCOPE_TOKEN);

  await page.getByRole('button', { name: 'Remove…' }).click();
  await dialog.getByRole('button', { name: 'Remove token' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toHaveAttribute('data-token-stored', 'false');
  await expect(page.locator('[data-token-state="none"]')).toHaveText('No token');
  await expect(page.getByRole('button', { name: 'Remove…' })).toBeDisabled();
  expect(await app.core.vault.readToken()).toBeNull();

  // Without a token the change screen is the setup again.
  await navItem(page, 'Change password').click();
  await expect(page.getByRole('heading', { name: 'Store a Zoom access token' })).toBeVisible();
});

test.describe('without a usable keychain', () => {
  test.use({ brokenKeychain: true });

  test('the keychain problem is shown with what to do, and nothing is stored', async ({ app }) => {
    const { page } = app;
    await app.open();
    await expect(page.locator('[data-token-state="error"]')).toHaveText('Keychain unavailable');
    const problem = page.getByRole('alert').filter({ hasText: 'The keychain cannot be read' });
    await expect(problem).toHaveAttribute('data-error-code', 'keychain_unavailable');
    await expect(problem).toContainText('keytar');
    await expect(problem.locator('.callout-action')).not.toBeEmpty();

    await page.getByRole('textbox', { name: 'Access token' }).fill(DEMO_TOKEN);
    await page.getByRole('button', { name: 'Store token' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The token was not stored' });
    await expect(refused).toHaveAttribute('data-error-code', 'keychain_unavailable');
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
