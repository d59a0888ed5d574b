import { SAMPLE, DEMO_TOKEN } from '../simulator/sample-users';
import { test, expect } from './harness';
import { accountForm, accountSwitcher, changeForm, fillAccountForm } from './locators';

test('first run: add a token account, change a password, see what Zoom answered', async ({ app }) => {
  const { page, sim } = app;
  await app.open();

  // Setup screen: what is needed, where it goes.
  const setup = page.getByRole('region', { name: 'Add your Zoom account' });
  await expect(setup.getByRole('heading', { name: 'Add your Zoom account' })).toBeVisible();
  await expect(page.locator('[data-account-state="none"]')).toHaveText('No account');
  const form = accountForm(setup);
  await expect(form.name).toBeFocused();
  await expect(form.kind('Server-to-Server OAuth')).toBeChecked();
  await expect(setup.getByText('user:update:password:admin').first()).toBeVisible();
  await app.screenshot('first-run-add-account', { small: true });

  await fillAccountForm(setup, { name: 'Acme', ...app.simUrls, kind: 'token', token: DEMO_TOKEN });
  await expect(form.token).toHaveAttribute('type', 'password');
  await setup.getByRole('button', { name: 'Add account' }).click();

  // Added: the change form replaces the setup, and the header names the account.
  await expect(page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await expect(accountSwitcher(page)).toContainText('Acme');
  await expect(page.getByTestId('runs-against')).toHaveText('Runs against Acme (Custom)');
  const [account] = (await app.core.accounts.list()).accounts;
  expect(account?.active).toBe(true);
  expect(await app.keychainSecret(account?.id ?? '', 'token')).toBe(DEMO_TOKEN);
  expect(await page.content()).not.toContain(DEMO_TOKEN);
  await app.screenshot('change-password-empty', { small: true });

  const change = changeForm(page);
  const password = app.newPassword();
  await change.user.fill(SAMPLE.memberEmail);
  await change.password.fill(password);
  await change.confirmation.fill(password);
  // The account's policy (the simulator's) adds the weak-password line to Zoom's basic rules.
  await expect(change.rules).toHaveCount(8);
  for (const rule of await change.rules.all()) await expect(rule).toHaveAttribute('data-state', 'pass');
  await expect(page.getByText('E-mail address', { exact: true })).toBeVisible();
  await app.screenshot('change-password-filled', { small: true });

  await expect(change.submit).toBeEnabled();
  await change.submit.click();

  const result = change.result;
  await expect(result).toHaveAttribute('data-outcome', 'updated');
  await expect(result.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await expect(result.getByTestId('result-advice')).toContainText(`Zoom e-mails ${SAMPLE.memberEmail}`);
  await expect(result.locator('[data-field="http-status"]')).toHaveText('204');
  // The simulator applied exactly this password, and the panel shows the tracking id Zoom sent.
  expect(sim.state.passwordMatches(SAMPLE.memberEmail, password)).toBe(true);
  const answered = sim.requests.findLast((r) => r.user === SAMPLE.memberEmail);
  expect(answered?.trackingId).toBeTruthy();
  await expect(result.locator('[data-field="tracking-id"]')).toContainText(answered?.trackingId ?? 'missing');
  await expect(result.getByRole('button', { name: 'Copy tracking ID' })).toBeVisible();

  // Passwords are gone from the form once the request was handed over.
  await expect(change.password).toHaveValue('');
  await expect(change.confirmation).toHaveValue('');
  await expect(change.submit).toBeDisabled();
  await app.screenshot('result-success', { small: true });
});

test('a pasted token that cannot be one is refused before it reaches the keychain', async ({ app }) => {
  const { page } = app;
  await app.open();
  await fillAccountForm(page, { name: 'Acme', ...app.simUrls, kind: 'token', token: 'two words' });
  const token = accountForm(page).token;
  await token.press('Enter');
  await expect(page.getByText(/no spaces/)).toBeVisible();
  await expect(token).toHaveAttribute('aria-invalid', 'true');
  await expect(token).toBeFocused();
  expect(app.calls.filter((c) => c.channel === 'accounts:add')).toHaveLength(0);
  expect((await app.core.accounts.list()).accounts).toHaveLength(0);
});

test('custom addresses are checked as they are typed: https only, except this computer', async ({ app }) => {
  const { page } = app;
  await app.open();
  const form = accountForm(page);
  await form.cloud('Zoom for Government').check();
  await expect(page.getByText('https://api.zoomgov.com/v2')).toBeVisible();
  await expect(page.getByText('https://zoomgov.com/oauth/token')).toBeVisible();
  await expect(form.apiBase).toHaveCount(0);

  await form.cloud('Custom').check();
  await form.apiBase.fill('http://api.example.com/v2');
  await expect(form.apiBase).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The API address must use https')).toBeVisible();
  await form.apiBase.fill('http://127.0.0.1:8443/v2');
  await expect(form.apiBase).toHaveAttribute('aria-invalid', 'false');
  await form.oauthBase.fill('not a url');
  await expect(form.oauthBase).toHaveAttribute('aria-invalid', 'true');
  await form.oauthBase.fill('https://zoom.example.com/oauth/token');
  await expect(form.oauthBase).toHaveAttribute('aria-invalid', 'false');
});

test('the setup guide opens in the system browser through main', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByRole('link', { name: 'How to create a Server-to-Server OAuth app' }).click();
  await expect.poll(() => app.opened).toEqual(['https://developers.zoom.us/docs/internal-apps/s2s-oauth/']);
  await expect(page).toHaveURL(/index\.html$/);
});
