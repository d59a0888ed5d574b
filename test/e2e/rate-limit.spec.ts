import { SAMPLE } from '../simulator/sample-users';
import { test, expect } from './harness';
import { changeForm, changePassword } from './locators';

// A simulated free account with two Medium requests left today (its own simulator, so its own worker):
// the password policy read when the screen opens, and one change.
test.use({ simOptions: { rateLimit: { daily: 2 } } });

test('a rate-limited request says how long to wait', async ({ app }) => {
  const { page } = app;
  await app.storeToken();
  await app.open();
  const form = changeForm(page);
  await changePassword(page, SAMPLE.member, app.newPassword());
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');

  await changePassword(page, SAMPLE.memberEmail, app.newPassword());
  await expect(form.result).toHaveAttribute('data-outcome', 'rate_limited');
  await expect(form.result.locator('[data-field="http-status"]')).toHaveText('429');
  // The daily limit resets at midnight UTC: Zoom's Retry-After is that time, shown as a wait.
  await expect(form.result.getByTestId('result-advice')).toHaveText(
    /^Wait \d+ (hour|minute|second)s?( \d+ minutes?)? \(until .+\) before trying again\.$/,
  );
  await app.screenshot('result-rate-limited');
});
