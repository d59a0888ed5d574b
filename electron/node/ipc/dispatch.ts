import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { AppError, type AppErrorShape } from '../../../shared/domain/errors';
import { type IpcMethod, methodForChannel } from '../../../shared/ipc/channels';
import { ipcContract, type IpcResult } from '../../../shared/ipc/contract';
import type { HandlerTable } from './handler-table';
import { describeIssue, mentionsAny, redact, stringLeaves } from './payload-problems';
import type { SenderInfo } from './sender-policy';

export { createSenderPolicy, type SenderInfo } from './sender-policy';

export type Dispatch = (channel: string, sender: SenderInfo, payload: unknown) => Promise<IpcResult<unknown>>;

export interface DispatcherOptions {
  /**
   * Check every handler response against the contract (default: unless NODE_ENV is 'production').
   * A response that does not match, or carries fields the contract does not name, becomes an
   * `internal` error: in tests that catches a handler leaking something it should not.
   */
  checkResponses?: boolean;
  /** Where internal errors are logged; stderr by default. Never receives payloads. */
  log?: (line: string) => void;
}

const BUG_ACTION = 'Restart the app; if it happens again, report it with the steps that led to it.';

export const INTERNAL_ERROR: AppErrorShape = {
  code: 'internal',
  message: 'Something went wrong inside the app. Nothing was sent to Zoom by this request.',
  action: BUG_ACTION,
};

function failure(error: AppErrorShape): IpcResult<never> {
  return { ok: false, error };
}

function invalidRequest(method: IpcMethod, error: z.ZodError, generated: Set<string>, payload: unknown): AppErrorShape {
  const issues = error.issues.slice(0, 3);
  const first = issues[0];
  const field = typeof first?.path[0] === 'string' ? first.path[0] : undefined;
  const fromSchema = issues.some((issue) => !generated.has(issue.message));
  let message = issues.map((issue) => issue.message).join(' ');
  // Last line of defence: schema messages are ours, but if any text repeats what was sent, drop it.
  if (mentionsAny(message, stringLeaves(payload))) message = 'The request could not be accepted.';
  return {
    code: 'invalid_request',
    message: fromSchema ? message : `The app sent a request "${method}" cannot accept. ${message}`,
    ...(fromSchema ? {} : { action: BUG_ACTION }),
    ...(field === undefined ? {} : { field }),
  };
}

function describeThrown(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}${err.stack ? `\n${err.stack}` : ''}`;
  return `non-error value of type ${typeof err}`;
}

/**
 * The one gate between the renderer and the handlers. Unknown channels, untrusted senders and
 * payloads that do not match the contract are refused before any handler runs. Never throws, and
 * never echoes what was sent: a refused payload may hold a password.
 */
export function createDispatcher(
  table: HandlerTable,
  isTrustedSender: (sender: SenderInfo) => boolean,
  options: DispatcherOptions = {},
): Dispatch {
  const checkResponses = options.checkResponses ?? process.env.NODE_ENV !== 'production';
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  return async (channel, sender, payload) => {
    const method = typeof channel === 'string' ? methodForChannel(channel) : undefined;
    if (method === undefined) {
      return failure({
        code: 'unknown_channel',
        message: 'The app asked for something the main process does not offer.',
        action: BUG_ACTION,
      });
    }

    let trusted: boolean;
    try {
      trusted = isTrustedSender(sender) === true;
    } catch {
      trusted = false;
    }
    if (!trusted) {
      return failure({
        code: 'forbidden_sender',
        message: "This request did not come from the app's own window, so it was refused.",
      });
    }

    const contract = ipcContract[method];
    const generated = new Set<string>();
    const parsed = contract.request.safeParse(payload, {
      error: (issue) => {
        const text = describeIssue(issue);
        generated.add(text);
        return text;
      },
    });
    if (!parsed.success) return failure(invalidRequest(method, parsed.error, generated, payload));

    let value: unknown;
    try {
      const handler = table[method] as (request: unknown) => Promise<unknown>;
      value = await handler(parsed.data);
    } catch (err) {
      if (err instanceof AppError) return failure(err.toShape());
      log(`[ipc] ${method} failed: ${redact(describeThrown(err), stringLeaves(payload))}`);
      return failure(INTERNAL_ERROR);
    }

    if (checkResponses) {
      const checked = contract.response.safeParse(value);
      if (!checked.success) {
        const where = checked.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.code}`).join(', ');
        log(`[ipc] ${method} answered outside the contract: ${where}`);
        return failure(INTERNAL_ERROR);
      }
      if (!isDeepStrictEqual(checked.data, value)) {
        log(`[ipc] ${method} answered with fields the contract does not name`);
        return failure(INTERNAL_ERROR);
      }
    }
    return { ok: true, value };
  };
}
