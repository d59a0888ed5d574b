/** Who sent an IPC message: the sending frame's URL and whether it is its window's top frame. */
export interface SenderInfo {
  frameUrl: string;
  isMainFrame: boolean;
}

/**
 * `scheme://host[:port]` of a URL, lower-cased; null for URLs without a host (file:, about:, data:,
 * blob:) or with credentials. Built by hand because WHATWG gives custom schemes such as zpa:// an
 * opaque "null" origin, while Chromium treats our registered standard scheme as a real origin.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null;
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * Trusts only top frames whose origin is exactly `allowedOrigin`: 'zpa://app' in Electron, the
 * loopback origin of the browser test harness in tests. Subframes, other origins and file:// never pass.
 */
export function createSenderPolicy(allowedOrigin: string): (sender: SenderInfo) => boolean {
  const expected = originOf(allowedOrigin);
  if (expected === null) throw new Error(`createSenderPolicy needs an origin like zpa://app, not ${allowedOrigin}`);
  return (sender) =>
    sender.isMainFrame === true && typeof sender.frameUrl === 'string' && originOf(sender.frameUrl) === expected;
}
