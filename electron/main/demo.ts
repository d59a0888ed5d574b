import { readFileSync } from 'node:fs';
import type { Session } from 'electron';
import { AppError } from '../../shared/domain/errors';
import { cloudForApiBase } from '../node/accounts/account-urls';
import type { Core } from '../node/core';
import { isTrustedDemoCertificate } from './demo-trust';

// Electron's certificate verify results: accept, or defer to Chromium's own verification.
const ACCEPT = 0;
const USE_CHROMIUM_VERDICT = -3;

/**
 * Demo mode only: trusts the simulator's CA for loopback hosts. Every other certificate keeps
 * Chromium's verdict, so the demo cannot weaken TLS towards any real server.
 */
export function trustDemoCa(ses: Session, caFile: string): void {
  let caPem: string;
  try {
    caPem = readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new AppError('invalid_input', `The simulator's CA certificate could not be read from ${caFile}.`, {
      action: 'Start the demo with "npm run demo", which starts the simulator and passes its certificate.',
      cause: error,
    });
  }
  ses.setCertificateVerifyProc((request, callback) => {
    const trusted = isTrustedDemoCertificate(request.hostname, request.certificate, caPem);
    callback(trusted ? ACCEPT : USE_CHROMIUM_VERDICT);
  });
}

/** The account the demo opens with. */
export const DEMO_ACCOUNT_NAME = 'Demo (simulator)';

/**
 * Adds the simulator's sample token as the account "Demo (simulator)" (custom cloud at the simulator's
 * addresses, in the demo's own keychain service) when no account is set up yet, so the demo opens
 * ready to use. A keychain problem is left for the app to report on its accounts screen.
 */
export async function seedDemoAccount(core: Core, token: string): Promise<void> {
  try {
    const { accounts } = await core.accounts.list();
    if (accounts.length > 0) return;
    const { apiBase, oauthBase } = cloudForApiBase(core.apiBase);
    await core.accounts.add({
      name: DEMO_ACCOUNT_NAME,
      cloud: 'custom',
      apiBase,
      oauthBase,
      credential: { kind: 'token', token },
    });
  } catch (error) {
    console.error(`[demo] the sample account could not be added: ${error instanceof Error ? error.message : 'error'}`);
  }
}
