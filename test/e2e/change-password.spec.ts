import { EXPIRED_TOKEN, SAMPLE } from '../simulator/sample-users';
import { test, expect } from './harness';
import { changeForm, changePassword, navItem, sendAnyway } from './locators';

test.beforeEach(async ({ app }) => {
  await app.storeToken();
  await app.open();
});

test('a Zoom refusal is explained in plain words, with the code and status', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);
  // The lookup already knows Zoom will refuse an admin: sending takes the explicit "Send anyway".
  await changePassword(page, SAMPLE.admin, app.newPassword());
  await sendAnyway(page);

  await expect(form.result).toHaveAttribute('data-outcome', 'rejected');
  await expect(form.result.getByRole('heading', { name: 'Zoom refused the new password' })).toBeVisible();
  await expect(form.result).toContainText('does not let an admin change the password of another admin');
  await expect(form.result.locator('[data-field="zoom-code"]')).toHaveText('1117');
  await expect(form.result.locator('[data-field="http-status"]')).toHaveText('400');
  await expect(form.result.getByText('Zoom said')).toBeVisible();
  expect(app.sim.state.passwordChangeCount(SAMPLE.admin)).toBe(0);
  await app.screenshot('result-rejected', { small: true });
});

test('an unknown user is reported as not found', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);
  await changePassword(page, SAMPLE.unknownEmail, app.newPassword());
  await sendAnyway(page);

  await expect(form.result).toHaveAttribute('data-outcome', 'not_found');
  await expect(form.result.getByRole('heading', { name: 'Zoom has no such user' })).toBeVisible();
  await expect(form.result.locator('[data-field="zoom-code"]')).toHaveText('1001');
  await expect(form.result.locator('[data-field="http-status"]')).toHaveText('404');
});

test('a connection lost after Zoom applied the change says it may have applied', async ({ app }) => {
  const { page, sim } = app;
  const form = changeForm(page);
  const password = app.newPassword();
  sim.faults.add({ match: { userId: SAMPLE.plusEmail, method: 'PUT' }, fault: { kind: 'reset-after-apply' } });
  await changePassword(page, SAMPLE.plusEmail, password);

  await expect(form.result).toHaveAttribute('data-outcome', 'unknown');
  await expect(form.result.getByRole('heading', { name: 'Outcome unknown: it may have applied' })).toBeVisible();
  await expect(form.result.getByTestId('result-advice')).toHaveText(
    'It may have applied. Do not send a different password: Check resends the same one and tells which it was.',
  );
  await expect(form.result.locator('[data-field="http-status"]')).toHaveText('No answer');
  // And indeed it did apply.
  expect(sim.state.passwordMatches(SAMPLE.plusEmail, password)).toBe(true);
  await app.screenshot('result-unknown');
});

test('an expired token is reported with the way out', async ({ app }) => {
  const { page } = app;
  await app.storeToken(EXPIRED_TOKEN);
  const form = changeForm(page);
  await changePassword(page, SAMPLE.member, app.newPassword());

  await expect(form.result).toHaveAttribute('data-outcome', 'unauthorized');
  await expect(form.result.locator('[data-field="zoom-code"]')).toHaveText('124');
  await form.result.getByRole('button', { name: 'Open Accounts' }).click();
  await expect(navItem(page, 'Accounts')).toHaveAttribute('aria-current', 'page');
});

test('an invalid user and a password breaking the rules keep the form from submitting', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);

  await form.user.fill('not a user!');
  await form.password.focus();
  await expect(form.user).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('is neither an e-mail address nor a Zoom user ID')).toBeVisible();

  // The simulator's account policy asks for 10 characters.
  await form.password.fill('aaaa1234xy');
  await form.confirmation.fill('aaaa1235xy');
  const state = (rule: string) => page.locator(`[data-rule="${rule}"]`);
  await expect(state('length')).toHaveAttribute('data-state', 'pass');
  await expect(state('letter-and-digit')).toHaveAttribute('data-state', 'pass');
  await expect(state('upper-and-lower')).toHaveAttribute('data-state', 'fail');
  await expect(state('match')).toHaveAttribute('data-state', 'fail');
  await expect(form.submit).toBeDisabled();
  await app.screenshot('change-password-invalid');

  // Enter does nothing while anything is wrong: nothing reaches main.
  await form.confirmation.press('Enter');
  await form.user.fill(SAMPLE.member);
  await expect(form.user).toHaveAttribute('aria-invalid', 'false');
  await form.password.fill('Abcdefgh12');
  await form.confirmation.fill('Abcdefgh12');
  await expect(state('no-sequence')).toHaveAttribute('data-state', 'fail');
  await form.confirmation.press('Enter');
  await expect(form.submit).toBeDisabled();
  expect(app.calls.filter((c) => c.channel === 'password:change')).toHaveLength(0);

  // Show/hide reveals what was typed, per field.
  await page.getByRole('button', { name: 'Show new password' }).click();
  await expect(form.password).toHaveAttribute('type', 'text');
  await expect(form.confirmation).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Hide new password' }).click();
  await expect(form.password).toHaveAttribute('type', 'password');
});

test('the button stays disabled and busy while a request is in flight', async ({ app }) => {
  const { page, sim } = app;
  const form = changeForm(page);
  sim.faults.add({ match: { userId: SAMPLE.memberEmail, method: 'PUT' }, fault: { kind: 'delay', ms: 4000 } });
  await changePassword(page, SAMPLE.memberEmail, app.newPassword());

  await expect(form.submit).toHaveAttribute('aria-busy', 'true');
  await expect(form.submit).toBeDisabled();
  await expect(form.submit).toHaveText('Changing…');
  await expect(form.user).toBeDisabled();
  await expect(page.locator('form[aria-busy="true"]')).toHaveCount(1);

  await expect(form.result).toHaveAttribute('data-outcome', 'updated', { timeout: 15_000 });
  await expect(form.submit).toHaveAttribute('aria-busy', 'false');
  await expect(form.submit).toHaveText('Change password');
  expect(app.calls.filter((c) => c.channel === 'password:change')).toHaveLength(1);
});

test('recent users refresh after a change and can be picked with the keyboard', async ({ app }) => {
  const { page } = app;
  const form = changeForm(page);
  await changePassword(page, SAMPLE.unicodeEmail, app.newPassword());
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  await changePassword(page, SAMPLE.admin, app.newPassword());
  await sendAnyway(page);
  await expect(form.result).toHaveAttribute('data-outcome', 'rejected');

  await form.user.fill('');
  await form.user.press('ArrowDown');
  const list = page.getByRole('listbox', { name: 'Recent users' });
  await expect(list).toBeVisible();
  await expect(form.user).toHaveAttribute('aria-expanded', 'true');
  const options = list.getByRole('option');
  await expect(options).toHaveCount(2);
  // Newest first, each with its last outcome.
  await expect(options.nth(0)).toContainText(SAMPLE.admin);
  await expect(options.nth(0)).toContainText('Rejected by Zoom');
  await expect(options.nth(1)).toContainText(SAMPLE.unicodeEmail);
  await expect(options.nth(1)).toContainText('Updated');
  await app.screenshot('recent-users');

  await form.user.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await form.user.press('Enter');
  await expect(form.user).toHaveValue(SAMPLE.unicodeEmail);
  await expect(list).toBeHidden();
  // Two requests reached Zoom (a click before the lookup card arrives is refused by main, sending nothing).
  expect(app.calls.filter((c) => c.channel === 'password:change' && c.result.ok)).toHaveLength(2);

  // Typing filters the list; Escape closes it.
  await form.user.fill('ren');
  await expect(options).toHaveCount(1);
  await form.user.press('Escape');
  await expect(list).toBeHidden();
});
