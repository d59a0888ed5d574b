import type { Page } from '@playwright/test';
import { DEMO_TOKEN, SAMPLE, SAMPLE_OAUTH } from '../simulator/sample-users';
import { test, expect, type AppHarness } from './harness';
import { accountForm, accountSwitcher, changeForm, changePassword, fillAccountForm, navItem } from './locators';

function card(page: Page, name: string) {
  return page
    .getByRole('list', { name: 'Zoom accounts' })
    .getByRole('listitem')
    .filter({
      has: page.getByRole('heading', { name, exact: true }),
    });
}

async function seedS2S(app: AppHarness, name: string, credentials: (typeof SAMPLE_OAUTH)[keyof typeof SAMPLE_OAUTH]) {
  return app.addAccount({ name, ...app.simUrls, credential: { kind: 's2s', ...credentials } });
}

test('add a token account and a Server-to-Server OAuth account; the list says what each one is', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+4');
  await expect(navItem(page, 'Accounts')).toHaveAttribute('aria-current', 'page');
  await expect(card(page, 'Default')).toHaveAttribute('data-active', 'true');

  // A pasted token.
  await page.getByRole('button', { name: 'Add account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a Zoom account' });
  await expect(accountForm(dialog).name).toBeFocused();
  await fillAccountForm(dialog, { name: 'Help desk', ...app.simUrls, kind: 'token', token: DEMO_TOKEN });
  await expect(accountForm(dialog).token).toHaveAttribute('type', 'password');
  await expect(dialog.getByText('Where the token comes from')).toBeVisible();
  await app.screenshot('accounts-add-token');
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, 'Help desk')).toBeVisible();

  // Server-to-Server OAuth: where to find the credentials and which scopes are needed, in the form.
  await page.getByRole('button', { name: 'Add account…' }).click();
  await fillAccountForm(dialog, { name: 'Acme (OAuth)', ...app.simUrls, kind: 's2s', ...SAMPLE_OAUTH.full });
  await expect(accountForm(dialog).clientSecret).toHaveAttribute('type', 'password');
  const help = dialog.getByRole('complementary', { name: 'Where to find these' });
  await expect(help).toContainText('App Credentials');
  await expect(help).toContainText('user:update:password:admin');
  await app.screenshot('accounts-add-s2s', { small: true });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(dialog).toBeHidden();

  const oauth = card(page, 'Acme (OAuth)');
  await expect(oauth.locator('[data-field="cloud"]')).toContainText('Custom');
  await expect(oauth.locator('[data-field="cloud"]')).toContainText(app.sim.apiBase);
  await expect(oauth.locator('[data-field="credential"]')).toHaveText('Server-to-Server OAuth');
  await expect(oauth.locator('[data-field="zoom-account-id"]')).toHaveText(SAMPLE_OAUTH.full.accountId);
  await expect(oauth.locator('[data-field="client-id"]')).toHaveText(SAMPLE_OAUTH.full.clientId);
  await expect(oauth.locator('[data-field="secret"]')).toHaveAttribute('data-secret-stored', 'true');
  await expect(oauth.locator('[data-field="secret"] time')).toBeVisible();
  await expect(card(page, 'Help desk').locator('[data-field="credential"]')).toHaveText('Pasted access token');
  // Added accounts do not take over: the first one stays active until another is chosen.
  await expect(page.locator('[data-active="true"]')).toHaveCount(1);
  await expect(card(page, 'Default').getByText('Active', { exact: true })).toBeVisible();
  await app.screenshot('accounts-list', { small: true });

  // The secrets went to the keychain only.
  const accounts = (await app.core.accounts.list()).accounts;
  const stored = accounts.find((a) => a.name === 'Acme (OAuth)');
  expect(await app.keychainSecret(stored?.id ?? '', 'client-secret')).toBe(SAMPLE_OAUTH.full.clientSecret);
  expect(await page.content()).not.toContain(SAMPLE_OAUTH.full.clientSecret);
});

test('test connection: what the app may do, what to add, and a refusal in plain words', async ({ app }) => {
  const { page, sim } = app;
  await seedS2S(app, 'Full app', SAMPLE_OAUTH.full);
  await seedS2S(app, 'Read-only app', SAMPLE_OAUTH.readOnly);
  await seedS2S(app, 'Disabled app', SAMPLE_OAUTH.disabled);
  await app.open();
  await page.keyboard.press('Control+4');

  const full = card(page, 'Full app');
  await full.getByRole('button', { name: 'Test connection' }).click();
  const ok = full.getByRole('region', { name: 'Connection test result' });
  await expect(ok).toHaveAttribute('data-test-state', 'ok');
  await expect(ok.getByRole('status')).toHaveText('Connection works');
  for (const action of ['changePasswords', 'lookUpUsers', 'readPasswordPolicy']) {
    await expect(ok.locator(`[data-action="${action}"]`)).toHaveAttribute('data-state', 'allowed');
  }
  await expect(ok.getByRole('list', { name: "The token's scopes" })).toContainText('user:update:password:admin');
  await expect(ok).toContainText(`Fetched from ${sim.oauthBase}`);
  await app.screenshot('accounts-test-ok');

  const readOnly = card(page, 'Read-only app');
  await readOnly.getByRole('button', { name: 'Test connection' }).click();
  const missing = readOnly.getByRole('region', { name: 'Connection test result' });
  await expect(missing).toHaveAttribute('data-test-state', 'missing-scope');
  await expect(missing.locator('[data-action="changePasswords"]')).toHaveAttribute('data-state', 'missing');
  await expect(missing.locator('[data-action="lookUpUsers"]')).toHaveAttribute('data-state', 'allowed');
  await expect(missing.getByTestId('scopes-to-add')).toContainText('user:update:password:admin');
  await expect(missing.getByRole('button', { name: 'Copy user:update:password:admin' })).toBeVisible();
  await missing.scrollIntoViewIfNeeded();
  await app.screenshot('accounts-test-missing-scope', { small: true });

  const disabled = card(page, 'Disabled app');
  await disabled.getByRole('button', { name: 'Test connection' }).click();
  const failed = disabled.getByRole('region', { name: 'Connection test result' });
  await expect(failed).toHaveAttribute('data-test-state', 'failed');
  await expect(failed.getByRole('status')).toHaveText('Connection failed while getting a token');
  await expect(failed.locator('.test-result-message')).toContainText('deactivated');
  await expect(failed.locator('.test-result-action')).toContainText('activate it');
  await expect(failed.locator('[data-field="http-status"]')).toContainText('HTTP 400, code 4717');
  await expect(failed.locator('[data-field="tracking-id"]')).not.toBeEmpty();
  await expect(failed.locator('.capabilities')).toHaveCount(0);
  await app.screenshot('accounts-test-failed');

  // A result can be put away; testing again asks Zoom again.
  const before = sim.oauth.tokenRequests;
  await failed.getByRole('button', { name: 'Hide the test result' }).click();
  await expect(failed).toBeHidden();
  await full.getByRole('button', { name: 'Test connection' }).click();
  await expect(ok).toHaveAttribute('data-test-state', 'ok');
  expect(sim.oauth.tokenRequests).toBe(before + 1);
});

test('switch accounts in the header and change a password with the OAuth account', async ({ app }) => {
  const { page, sim } = app;
  await app.storeToken();
  await seedS2S(app, 'Acme OAuth', SAMPLE_OAUTH.full);
  await app.open();
  // Counted from here: switching reads the account's password policy with the account's token already.
  const before = sim.oauth.tokenRequests;

  const switcher = accountSwitcher(page);
  await expect(switcher).toContainText('Default');
  await expect(page.getByTestId('runs-against')).toHaveText('Runs against Default (Custom)');

  // Keyboard: focus the button, open with Enter; the active account has focus; arrows move; Escape closes.
  await switcher.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Accounts' });
  await expect(menu).toBeVisible();
  await expect(switcher).toHaveAttribute('aria-expanded', 'true');
  await expect(menu.getByRole('menuitemradio', { name: /Default/ })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: /Default/ })).toHaveAttribute('aria-checked', 'true');
  await app.screenshot('account-switcher-open');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(switcher).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: /Acme OAuth/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(switcher).toContainText('Acme OAuth');
  await expect(page.getByTestId('runs-against')).toHaveText('Runs against Acme OAuth (Custom)');
  expect((await app.core.accounts.list()).accounts.find((a) => a.active)?.name).toBe('Acme OAuth');

  // The change runs against the OAuth account: one token is fetched in main and used for everything.
  const password = app.newPassword();
  await changePassword(page, SAMPLE.memberEmail, password);
  await expect(changeForm(page).result).toHaveAttribute('data-outcome', 'updated');
  expect(sim.state.passwordMatches(SAMPLE.memberEmail, password)).toBe(true);
  expect(sim.oauth.tokenRequests).toBe(before + 1);

  // The history names the account.
  await page.keyboard.press('Control+2');
  const row = page.locator('[role="row"][data-entry-id]').first();
  await expect(row.locator('.col-account')).toHaveText('Acme OAuth');

  // Mouse: open, and "Manage accounts" goes to the accounts screen.
  await switcher.click();
  await menu.getByRole('menuitem', { name: 'Manage accounts' }).click();
  await expect(navItem(page, 'Accounts')).toHaveAttribute('aria-current', 'page');
  await expect(card(page, 'Acme OAuth')).toHaveAttribute('data-active', 'true');

  // "Add account…" opens the add dialog wherever the user is.
  await page.keyboard.press('Control+1');
  await switcher.click();
  await menu.getByRole('menuitem', { name: 'Add account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a Zoom account' });
  await expect(dialog).toBeVisible();
  await expect(accountForm(dialog).name).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(navItem(page, 'Accounts')).toHaveAttribute('aria-current', 'page');
});

test('rename keeps the stored secret; remove asks first and deletes the keychain entry', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  const acme = await seedS2S(app, 'Acme', SAMPLE_OAUTH.full);
  await app.open();
  await page.keyboard.press('Control+4');

  await card(page, 'Acme').getByRole('button', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit “Acme”' });
  const form = accountForm(dialog);
  await expect(form.accountId).toHaveValue(SAMPLE_OAUTH.full.accountId);
  await expect(form.clientSecret).toHaveValue('');
  await expect(form.clientSecret).toHaveAttribute('placeholder', 'Leave empty to keep the stored secret');
  await form.name.fill('Acme Europe');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(card(page, 'Acme Europe')).toBeVisible();
  await expect(card(page, 'Acme')).toHaveCount(0);
  expect(await app.keychainSecret(acme.id, 'client-secret')).toBe(SAMPLE_OAUTH.full.clientSecret);

  // Remove: Cancel keeps it; confirming deletes the keychain entry.
  await card(page, 'Acme Europe').getByRole('button', { name: 'Remove…' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove “Acme Europe”?' });
  await expect(confirm).toContainText('deleted from the OS keychain');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await app.screenshot('accounts-remove-dialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(card(page, 'Acme Europe')).toBeVisible();

  await card(page, 'Acme Europe').getByRole('button', { name: 'Remove…' }).click();
  await confirm.getByRole('button', { name: 'Remove account' }).click();
  await expect(confirm).toBeHidden();
  await expect(card(page, 'Acme Europe')).toHaveCount(0);
  expect(await app.keychainSecret(acme.id, 'client-secret')).toBeNull();
  expect((await app.core.accounts.list()).accounts.map((a) => a.name)).toEqual(['Default']);
});

test('a form with mistakes says what to fix and sends nothing', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  await page.keyboard.press('Control+4');
  await page.getByRole('button', { name: 'Add account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a Zoom account' });
  const form = accountForm(dialog);
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(form.name).toBeFocused();
  await expect(form.name).toHaveAttribute('aria-invalid', 'true');
  await expect(form.accountId).toHaveAttribute('aria-invalid', 'true');
  await expect(form.clientSecret).toHaveAttribute('aria-invalid', 'true');
  // A name already in use is refused by main, next to the name.
  await fillAccountForm(dialog, { name: 'default', ...app.simUrls, kind: 's2s', ...SAMPLE_OAUTH.full });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  await expect(form.name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();
  expect(app.calls.filter((c) => c.channel === 'accounts:add')).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect((await app.core.accounts.list()).accounts).toHaveLength(1);
});
