import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/domain/errors';

/** Where zpa reads and writes: the process in production, in-memory streams in tests. */
export interface CliIo {
  readonly stdin: CliInput;
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: NodeJS.ProcessEnv;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
}

/** The parts of a readable stream (process.stdin or a test stream) that zpa uses. */
export interface CliInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
}

export interface CliOutput {
  /** Like a stream's write: `false` asks the writer to wait for 'drain' (when `once` is there to wait with). */
  write(text: string): unknown;
  isTTY?: boolean;
  once?(event: 'drain', listener: () => void): unknown;
}

/**
 * A Writable over a CliOutput, for code that streams (the history exports): text goes through `write`
 * (so the redacting wrapper still sees it) and backpressure is honoured when the output reports it.
 */
export function outputStream(output: CliOutput): Writable {
  const decoder = new StringDecoder('utf8');
  const send = (text: string, done: () => void): void => {
    if (text === '' || output.write(text) !== false || typeof output.once !== 'function') done();
    else output.once('drain', done);
  };
  return new Writable({
    decodeStrings: false,
    write(chunk: unknown, _encoding, callback) {
      // A Buffer may end inside a multi-byte character: the decoder keeps that part for the next chunk.
      send(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer), () => callback());
    },
    final(callback) {
      send(decoder.end(), () => callback());
    },
  });
}

/** The real process streams and environment. */
export function processIo(env: NodeJS.ProcessEnv, homedir: string): CliIo {
  return {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env,
    platform: process.platform,
    homedir,
  };
}

// A token is at most 8 KiB and a password 31 characters: anything longer than this on one line is a mistake
// (a file piped in by accident), refused before it is held in memory as a string.
export const MAX_LINE_BYTES = 16 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Raised when the person at the terminal presses Ctrl-C at a hidden prompt. */
export class PromptInterrupted extends Error {
  constructor() {
    super('Interrupted.');
    this.name = 'PromptInterrupted';
  }
}

/**
 * The first line of a non-interactive stdin, without its line ending (`\n` or `\r\n`, nothing else is
 * stripped: spaces can be part of a password). Reads only up to the first line break, so the rest of a
 * piped file is never held in memory. Returns '' when stdin is empty.
 */
export function readFirstLine(input: NodeJS.ReadableStream, maxBytes = MAX_LINE_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;

    const finish = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.removeListener('error', onError);
      input.pause();
      if (error) {
        wipe(chunks);
        reject(error);
        return;
      }
      const bytes = Buffer.concat(chunks);
      wipe(chunks);
      const newline = bytes.indexOf(0x0a);
      const line = newline === -1 ? bytes : bytes.subarray(0, newline);
      try {
        if (line.length > maxBytes + 1) throw tooLong(maxBytes);
        resolve(stripLineEnd(decodeLine(line)));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        bytes.fill(0);
      }
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      const newline = buffer.indexOf(0x0a);
      const part = newline === -1 ? buffer : buffer.subarray(0, newline + 1);
      chunks.push(Buffer.from(part));
      size += part.length;
      if (newline !== -1) finish(null);
      else if (size > maxBytes) finish(tooLong(maxBytes));
    };
    const onEnd = (): void => finish(null);
    const onError = (error: Error): void =>
      finish(new AppError('invalid_input', `Could not read stdin: ${error.message}`));

    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    input.resume();
  });
}

/**
 * Reads one line from a terminal without echoing it: raw mode, so the characters never appear on screen.
 * The prompt goes to `prompt` (stderr), never stdout, so `zpa ... > file` stays clean.
 */
export function readHiddenLine(input: CliInput, prompt: CliOutput, label: string): Promise<string> {
  if (typeof input.setRawMode !== 'function') return readFirstLine(input);
  const setRawMode = input.setRawMode.bind(input);
  prompt.write(label);
  return new Promise((resolve, reject) => {
    let value = '';
    let escape = false;
    const done = (error: Error | null): void => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      setRawMode(false);
      input.pause();
      prompt.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string): void => {
      const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      for (const char of text) {
        if (escape) {
          // Arrow keys and the like arrive as ESC [ ... letter: swallow the whole sequence.
          if (/[A-Za-z~]/.test(char)) escape = false;
          continue;
        }
        if (char === '\r' || char === '\n') return done(null);
        if (char === '\u0003') return done(new PromptInterrupted());
        if (char === '\u0004') {
          if (value.length === 0) return done(null);
          continue;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char === '\u0015') value = '';
        else if (char === '\u001b') escape = true;
        else if (char >= ' ') {
          value += char;
          if (Buffer.byteLength(value) > MAX_LINE_BYTES) return done(tooLong(MAX_LINE_BYTES));
        }
      }
    };
    const onEnd = (): void => done(null);
    setRawMode(true);
    input.on('data', onData);
    input.once('end', onEnd);
    input.resume();
  });
}

/** Reads the secret for a command: a hidden prompt on a terminal, otherwise the first line of stdin. */
export function readSecretLine(io: CliIo, label: string): Promise<string> {
  return io.stdin.isTTY === true ? readHiddenLine(io.stdin, io.stderr, label) : readFirstLine(io.stdin);
}

function decodeLine(bytes: Uint8Array): string {
  try {
    // A byte-order mark is an artefact of the editor or shell that wrote the file, never part of a secret.
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('invalid_input', 'The first line of stdin is not valid UTF-8 text.', {
      action: 'Save the file as UTF-8, or type the value at the prompt.',
    });
  }
}

function stripLineEnd(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function tooLong(maxBytes: number): AppError {
  return new AppError('invalid_input', `The first line of stdin is longer than ${maxBytes} bytes.`, {
    action: 'Pipe only the secret itself, on one line.',
  });
}

function wipe(chunks: Buffer[]): void {
  for (const chunk of chunks) chunk.fill(0);
  chunks.length = 0;
}
