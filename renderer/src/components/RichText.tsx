/**
 * Plain text from main in which `backticks` mark commands or paths (as in the keychain errors):
 * those parts are shown as code. Everything stays text; nothing is parsed as HTML.
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd number of backticks is not markup: show the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
