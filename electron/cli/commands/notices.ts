import type { Core } from '../../node/core';
import type { CliContext } from '../context';
import { oneLine } from '../format';

/** Prints what the core wants the user to know (a recovered settings or history file) on stderr. */
export function printNotices(ctx: CliContext, core: Core): void {
  for (const notice of core.notices()) {
    const action = notice.action ? ` ${notice.action}` : '';
    ctx.stderr.write(`zpa: ${notice.level === 'info' ? 'note' : notice.level}: ${oneLine(notice.message + action)}\n`);
  }
}
