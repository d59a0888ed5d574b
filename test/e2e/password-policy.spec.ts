import type { Page } from '@playwright/test';
import { LOOK_ALIKES } from '../../shared/password/generator';
import { SAMPLE } from '../simulator/sample-users';
import { test, expect } from './harness';
import { changeForm } from './locators';

/** A strict account policy: long minimum, a special character, short runs refused, weak-password dictionary. */
const STRICT = {
  minimumPasswordLength: 14,
  haveSpecialCharacter: true,
  consecutiveCharactersLength: 4,
  weakEnhanceDetection: true,
};

// Worker options are per file: this file's simulator enforces the strict policy.
test.use({ simOptions: { policy: STRICT } });

test.beforeEach(async ({ app }) => {
  await app.storeToken();
  await app.open();
});

const rule = (page: Page, id: string) => page.locator(`[data-rule="${id}"]`);

test('the rules are the account’s, one line each, checked as the password is typed', async ({ app }) => {
  const { page, sim } = app;
  const form = changeForm(page);
  const source = page.getByTestId('policy-source');
  await expect(source).toHaveAttribute('data-source', 'account');
  await expect(source).toContainText('Account policy as of');
  await expect(source).toContainText('Zoom also refuses common weak passwords');
  await expect(page.getByRole('heading', { name: 'The account’s password rules' })).toBeVisible();
  await expect(rule(page, 'length')).toHaveText(/14 to 31 characters/);
  await expect(rule(page, 'special')).toHaveText(/At least one special character/);
  await expect(rule(page, 'no-sequence')).toHaveText(/No runs of 4 like 1234 or abcd/);

  // Each rule's violation is caught on its own line, with the meaning Zoom gives it.
  const cases: [string, string][] = [
    ['Tq7#mW2$kR9!', 'length'],
    ['Tq7mW2kR9vXzp4', 'special'],
    ['Tq7#mW2$abcd!X', 'no-sequence'],
    ['tq7#mw2$kr9!vxz', 'upper-and-lower'],
    ['P@ssword!!97!!', 'not-common'],
  ];
  for (const [password, failing] of cases) {
    await form.password.fill(password);
    await expect(rule(page, failing)).toHaveAttribute('data-state', 'fail');
    const failed = page.locator('[data-rule][data-state="fail"]');
    await expect(failed).toHaveCount(1);
    await expect(failed).toHaveAttribute('data-rule', failing);
  }
  await page.getByTestId('strength').scrollIntoViewIfNeeded();
  await app.screenshot('password-rules-strict', { small: true });

  // A password meeting every line is accepted by Zoom under the same policy.
  const good = 'Tq7#mW2$kR9!vXp';
  await form.user.fill(SAMPLE.memberEmail);
  await form.password.fill(good);
  await form.confirmation.fill(good);
  await expect(page.locator('[data-rule][data-state="fail"]')).toHaveCount(0);
  await form.submit.click();
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  expect(sim.state.passwordMatches(SAMPLE.memberEmail, good)).toBe(true);
});

test('main enforces the same policy: a request past the form is refused and nothing is sent', async ({ app }) => {
  const { page, sim } = app;
  await expect(page.getByTestId('policy-source')).toHaveAttribute('data-source', 'account');
  const before = sim.requests.length;
  const answer = await page.evaluate(() =>
    (window as unknown as { zpa: { changePassword(r: object): Promise<unknown> } }).zpa.changePassword({
      user: 'priya.patel@northwind.example',
      password: 'Short1!x',
    }),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'password' } });
  expect(JSON.stringify(answer)).toContain('14');
  expect(sim.requests.slice(before).filter((r) => r.method === 'PUT')).toHaveLength(0);
});

test('Generate fills both fields with a password that meets the policy, shown', async ({ app }) => {
  const { page, sim } = app;
  const form = changeForm(page);
  const generator = page.getByRole('group', { name: 'Generate a password' });
  const length = generator.getByRole('spinbutton', { name: 'Length' });
  await expect(page.getByTestId('policy-source')).toHaveAttribute('data-source', 'account');
  await expect(length).toHaveValue('16');
  await expect(generator.getByRole('checkbox', { name: /Avoid look-alikes/ })).toBeChecked();

  await form.user.fill(SAMPLE.memberEmail);
  await generator.getByRole('button', { name: 'Generate' }).click();
  await expect(form.password).toHaveAttribute('type', 'text');
  const generated = await form.password.inputValue();
  expect([...generated]).toHaveLength(16);
  expect([...generated].filter((c) => LOOK_ALIKES.includes(c))).toEqual([]);
  await expect(form.confirmation).toHaveValue(generated);
  await expect(page.locator('[data-rule][data-state="fail"]')).toHaveCount(0);
  await expect(page.locator('[data-rule="not-common"]')).toHaveAttribute('data-state', 'pass');
  await expect(page.getByTestId('strength-label')).toHaveText(/Strong|Very strong/);
  // The screen scrolls inside the window: bring the generator and the strength meter into view.
  await page.getByTestId('strength').scrollIntoViewIfNeeded();
  await app.screenshot('password-generated', { small: true });

  // Another click, another password; any length from the policy's minimum to 31.
  await length.fill('31');
  await generator.getByRole('button', { name: 'Generate' }).click();
  const longest = await form.password.inputValue();
  expect(longest).not.toBe(generated);
  expect([...longest]).toHaveLength(31);
  await length.fill('10');
  await expect(generator.getByRole('alert')).toContainText('at least 14');
  await expect(generator.getByRole('button', { name: 'Generate' })).toBeDisabled();
  await length.fill('14');
  await length.press('Enter');
  const shortest = await form.password.inputValue();
  expect([...shortest]).toHaveLength(14);
  // Enter in the length field generated; it did not send the change.
  expect(app.calls.filter((c) => c.channel === 'password:change')).toHaveLength(0);

  await page.getByRole('button', { name: 'Hide new password' }).click();
  await expect(form.password).toHaveAttribute('type', 'password');
  await form.submit.click();
  await expect(form.result).toHaveAttribute('data-outcome', 'updated');
  expect(sim.state.passwordMatches(SAMPLE.memberEmail, shortest)).toBe(true);
});

test('Refresh reads a changed policy from Zoom', async ({ app }) => {
  const { page, sim } = app;
  await expect(rule(page, 'length')).toHaveText(/14 to 31/);
  sim.state.setPolicy({ minimumPasswordLength: 12, haveSpecialCharacter: false });
  try {
    await page.getByRole('button', { name: 'Refresh the password policy' }).click();
    await expect(rule(page, 'length')).toHaveText(/12 to 31/);
    await expect(rule(page, 'special')).toHaveCount(0);
  } finally {
    sim.state.setPolicy(STRICT);
  }
});
