import type { Locator, Page } from '@playwright/test';

/** The change-password form's controls, found the way a user (or a screen reader) finds them. */
export function changeForm(page: Page) {
  return {
    user: page.getByRole('combobox', { name: 'User' }),
    password: page.getByRole('textbox', { name: 'New password', exact: true }),
    confirmation: page.getByRole('textbox', { name: 'Confirm new password' }),
    submit: page.locator('form[aria-labelledby="change-form-title"] button[type="submit"]'),
    rules: page.getByRole('list', { name: 'Password rules' }).getByRole('listitem'),
    result: page.getByTestId('result'),
  };
}

/** The sidebar entry of a screen. */
export function navItem(page: Page, name: 'Change password' | 'History' | 'Settings' | 'Accounts' | 'Bulk') {
  return page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${name}`) });
}

/** Fills the form and sends it with Enter, as a keyboard user would. */
export async function changePassword(page: Page, user: string, password: string): Promise<void> {
  const form = changeForm(page);
  await form.user.fill(user);
  await form.password.fill(password);
  await form.confirmation.fill(password);
  await form.confirmation.press('Enter');
}

/** Waits for the lookup to say Zoom would refuse the change, then sends it anyway (force). */
export async function sendAnyway(page: Page): Promise<void> {
  const block = page.getByTestId('eligibility').filter({ has: page.getByRole('button', { name: 'Send anyway' }) });
  await block.getByRole('button', { name: 'Send anyway' }).click();
}

/** The add / edit account form's controls, inside `scope` (the setup card or the dialog). */
export function accountForm(scope: Page | Locator) {
  return {
    name: scope.getByRole('textbox', { name: 'Account name' }),
    cloud: (name: 'Zoom' | 'Zoom for Government' | 'Custom') => scope.getByRole('radio', { name, exact: true }),
    apiBase: scope.getByRole('textbox', { name: 'API address' }),
    oauthBase: scope.getByRole('textbox', { name: 'Token address' }),
    kind: (name: 'Server-to-Server OAuth' | 'Pasted access token') => scope.getByRole('radio', { name, exact: true }),
    accountId: scope.getByRole('textbox', { name: 'Account ID' }),
    clientId: scope.getByRole('textbox', { name: 'Client ID' }),
    clientSecret: scope.getByLabel('Client Secret', { exact: true }),
    token: scope.getByLabel('Access token', { exact: true }),
  };
}

export type AccountFormInput = { name: string; apiBase: string; oauthBase: string } & (
  { kind: 'token'; token: string } | { kind: 's2s'; accountId: string; clientId: string; clientSecret: string }
);

/** Fills the account form for a Custom-cloud account (the simulator's addresses) without submitting it. */
export async function fillAccountForm(scope: Page | Locator, input: AccountFormInput): Promise<void> {
  const form = accountForm(scope);
  await form.name.fill(input.name);
  await form.cloud('Custom').check();
  await form.apiBase.fill(input.apiBase);
  await form.oauthBase.fill(input.oauthBase);
  if (input.kind === 'token') {
    await form.kind('Pasted access token').check();
    await form.token.fill(input.token);
  } else {
    await form.kind('Server-to-Server OAuth').check();
    await form.accountId.fill(input.accountId);
    await form.clientId.fill(input.clientId);
    await form.clientSecret.fill(input.clientSecret);
  }
}

/** The header's account menu button. */
export function accountSwitcher(page: Page) {
  return page.getByRole('button', { name: /^Account: / });
}
