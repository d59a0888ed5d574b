import { DEMO_TOKEN, SAMPLE } from '../simulator/sample-users';
import { test, expect } from './harness';
import { changePassword, changeForm } from './locators';

test('the renderer never receives the token or a password over IPC', async ({ app }) => {
  const { page } = app;
  await app.open();

  // Store the token through the UI, use it, and visit every screen.
  await page.getByRole('textbox', { name: 'Access token' }).fill(DEMO_TOKEN);
  await page.getByRole('button', { name: 'Store token' }).click();
  const password = app.newPassword();
  await changePassword(page, SAMPLE.memberEmail, password);
  await expect(changeForm(page).result).toHaveAttribute('data-outcome', 'updated');
  await page.keyboard.press('Control+2');
  await expect(page.locator('[role="row"][data-entry-id]')).toHaveCount(1);
  await page.locator('[role="row"][data-entry-id]').click();
  await page.keyboard.press('Control+3');
  await expect(page.locator('.token-status')).toHaveAttribute('data-token-stored', 'true');

  // Every answer main gave the page, captured at the binding.
  const channels = new Set(app.calls.map((c) => c.channel));
  for (const channel of ['app:get-info', 'token:get-status', 'token:set', 'password:change', 'history:list']) {
    expect(channels).toContain(channel);
  }
  expect(app.calls.every((c) => c.result.ok)).toBe(true);
  const answers = JSON.stringify(app.calls);
  expect(answers).not.toContain(DEMO_TOKEN);
  expect(answers).not.toContain(password);
  // Nor does the page hold them anywhere once they were handed over.
  const html = await page.content();
  expect(html).not.toContain(DEMO_TOKEN);
  expect(html).not.toContain(password);
});

test('calls from anywhere but the app origin are refused', async ({ app }) => {
  const { page } = app;
  await app.open();
  // Same binding, different document: an about:blank page is not the app's origin.
  await page.goto('about:blank');
  const answer = await page.evaluate(() =>
    (window as unknown as { zpa: { getAppInfo(): Promise<unknown> } }).zpa.getAppInfo(),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
});
