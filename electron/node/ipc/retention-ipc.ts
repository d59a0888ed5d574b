import type { Core } from '../core';
import type { HandlerTable } from './handler-table';

/** The history retention period (Settings): reading it, and setting it, which applies it at once. */
export function registerRetentionHandlers(core: Core): Pick<HandlerTable, 'getRetention' | 'setRetention'> {
  return {
    getRetention: async () => ({ days: core.retention.days }),
    setRetention: async ({ days }) => {
      const applied = core.retention.set(days);
      return { days: core.retention.days, applied };
    },
  };
}
