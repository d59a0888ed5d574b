import { SAMPLE, DEMO_TOKEN } from '../simulator/sample-users';
import { test, expect } from './harness';
import { changeForm } from './locators';

test('first run: store a token, change a password, see what Zoom answered', async ({ app }) => {
  const { page, sim } = app;
  await app.open();

  // Setup screen: what is needed, where it goes.
  await expect(page.getByRole('heading', { name: 'Store a Zoom access token' })).toBeVisible();
  await expect(page.getByText('user:update:password:admin').first()).toBeVisible();
  await expect(page.locator('[data-token-state="none"]')).toHaveText('No token');
  await app.screenshot('setup', { small: true });

  const tokenField = page.getByLabel('Access token', { exact: true });
  await expect(tokenField).toHaveAttribute('type', 'password');
  await tokenField.fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Store token' }).click();

  // Stored: the change form replaces the setup, and the header says so.
  await expect(page.getByRole('heading', { name: 'Set a new password' })).toBeVisible();
  await expect(page.locator('[data-token-state="stored"]')).toHaveText('Token stored');
  expect(await app.core.vault.readToken()).toBe(DEMO_TOKEN);
  expect(await page.content()).not.toContain(DEMO_TOKEN);
  await app.screenshot('change-password-empty', { small: true });

  const form = changeForm(page);
  const password = app.newPassword();
  await form.user.fill(SAMPLE.memberEmail);
  await form.password.fill(password);
  await form.confirmation.fill(password);
  await expect(form.rules).toHaveCount(7);
  for (const rule of await form.rules.all()) await expect(rule).toHaveAttribute('data-state', 'pass');
  await expect(page.getByText('E-mail address', { exact: true })).toBeVisible();
  await app.screenshot('change-password-filled', { small: true });

  await expect(form.submit).toBeEnabled();
  await form.submit.click();

  const result = form.result;
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
  await expect(form.password).toHaveValue('');
  await expect(form.confirmation).toHaveValue('');
  await expect(form.submit).toBeDisabled();
  await app.screenshot('result-success', { small: true });
});

test('a pasted token that cannot be one is refused before it reaches the keychain', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByLabel('Access token', { exact: true }).fill('two words');
  await page.getByLabel('Access token', { exact: true }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('no spaces');
  await expect(page.getByLabel('Access token', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  expect(app.calls.filter((c) => c.channel === 'token:set')).toHaveLength(0);
  expect(await app.core.vault.readToken()).toBeNull();
});

test('the setup guide opens in the system browser through main', async ({ app }) => {
  const { page } = app;
  await app.open();
  await page.getByRole('link', { name: 'How to create a Server-to-Server OAuth app' }).click();
  await expect.poll(() => app.opened).toEqual(['https://developers.zoom.us/docs/internal-apps/s2s-oauth/']);
  await expect(page).toHaveURL(/index\.html$/);
});
