import { AppError } from '../../../shared/domain/errors';
import type { Core } from '../core';
import { normaliseExternalUrl } from '../external-urls';
import type { HandlerTable, ShellServices } from './handler-table';

/** App-level handlers: what the renderer shows in its status bar and about box, and external links. */
export function registerAppHandlers(
  core: Core,
  shell: ShellServices,
): Pick<HandlerTable, 'getAppInfo' | 'openExternal'> {
  return {
    getAppInfo: async () => {
      // The first version's token becomes an account first, so the active account shown is the real one.
      await core.accounts.ready();
      await core.accounts.probeKeychain();
      return core.info();
    },
    openExternal: async ({ url }) => {
      // Open the normalised form: what was checked is exactly what the browser receives.
      const allowed = normaliseExternalUrl(url);
      if (allowed === null) {
        throw new AppError('not_allowed', 'That link does not lead to a Zoom web site, so the app will not open it.', {
          action: 'Only https links to zoom.us sites (and support.zoom.com) open from the app.',
          field: 'url',
        });
      }
      await shell.openExternal(allowed);
      return { opened: true };
    },
  };
}
