import { AppError } from '../../../shared/domain/errors';

export type KeychainOperation = 'read' | 'store' | 'remove';

const VERB: Record<KeychainOperation, string> = {
  read: 'read the token from',
  store: 'store the token in',
  remove: 'remove the token from',
};

const NO_SESSION_BUS =
  /Cannot autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|dbus-launch|Failed to connect to socket/i;
const NO_SECRET_SERVICE =
  /org\.freedesktop\.secrets was not provided|ServiceUnknown|No such interface|not provided by any \.service files/i;
const NO_DEFAULT_COLLECTION = /Object does not exist at path .*collection|No such object path.*collection/i;
const LOCKED =
  /locked|prompt|dismissed|cancel|user interaction is not allowed|passphrase.*not correct|authori[sz]ation/i;

/**
 * Turns whatever the OS keychain (through keytar) threw into a keychain_unavailable AppError that
 * names the cause and what to do about it. `secrets` are cut out of the text in case a keychain
 * ever echoes what it was given.
 */
export function keychainError(
  error: unknown,
  o: {
    operation: KeychainOperation;
    platform: NodeJS.Platform;
    /** Whether DBUS_SESSION_BUS_ADDRESS is set (Linux), to say so when it is the cause. */
    busAddressSet?: boolean;
    secrets?: readonly string[];
  },
): AppError {
  if (error instanceof AppError) return error;
  const detail = redact(error instanceof Error ? error.message : String(error), o.secrets ?? []);
  const prefix = `Could not ${VERB[o.operation]} the system keychain`;
  const { cause, action } = explain(detail, o.platform, o.busAddressSet ?? true);
  // No `cause`: the raw error is not redacted, and the detail is already in the message.
  return new AppError('keychain_unavailable', `${prefix}: ${cause} (${detail || 'no details given'}).`, { action });
}

function explain(detail: string, platform: NodeJS.Platform, busAddressSet: boolean): { cause: string; action: string } {
  if (platform === 'darwin') {
    if (LOCKED.test(detail)) {
      return {
        cause: 'the login keychain is locked or access was not allowed',
        action:
          'Unlock the login keychain in Keychain Access and choose "Allow" when macOS asks about Zoom Password Admin, then try again.',
      };
    }
    return {
      cause: 'the macOS keychain refused the request',
      action:
        'Open Keychain Access, check that the login keychain exists and is unlocked (Keychain First Aid can repair it), then try again.',
    };
  }
  if (platform === 'win32') {
    return {
      cause: 'Windows Credential Manager refused the request',
      action:
        'Open Credential Manager (Control Panel > Credential Manager > Windows Credentials), check it opens for your account, then try again. Roaming or restricted profiles may block it: ask your IT team.',
    };
  }
  if (NO_SESSION_BUS.test(detail)) {
    return {
      cause: busAddressSet
        ? 'no D-Bus session bus is reachable, so the Secret Service cannot be asked'
        : 'no D-Bus session bus is reachable (DBUS_SESSION_BUS_ADDRESS is not set), so the Secret Service cannot be asked',
      action:
        'Run Zoom Password Admin inside a desktop session (where DBUS_SESSION_BUS_ADDRESS is set), or start a session bus and a Secret Service: install gnome-keyring (or KWallet) and run e.g. `dbus-run-session -- sh -c "gnome-keyring-daemon --unlock --components=secrets; zpa ..."`.',
    };
  }
  if (NO_SECRET_SERVICE.test(detail)) {
    return {
      cause: 'no Secret Service (gnome-keyring or KWallet) is running on the D-Bus session',
      action:
        'Install and start gnome-keyring (`sudo apt-get install gnome-keyring`, then `gnome-keyring-daemon --start --components=secrets`) or KWallet, or sign in to a desktop session that starts one.',
    };
  }
  if (NO_DEFAULT_COLLECTION.test(detail) || LOCKED.test(detail)) {
    return {
      cause: 'the keyring is locked (or missing) and no unlock prompt could be shown, or the prompt was dismissed',
      action:
        'Unlock your login keyring (for example in "Passwords and Keys" / Seahorse, by signing in to the desktop again, or with `gnome-keyring-daemon --unlock`), then try again.',
    };
  }
  return {
    cause: 'the Secret Service refused the request',
    action:
      'Check that gnome-keyring or KWallet is running and unlocked ("Passwords and Keys" shows it), then try again.',
  };
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  return out;
}
