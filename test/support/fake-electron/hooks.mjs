// Module resolution hook (node:module register): `electron` resolves to the fake in this folder.
// Plain JavaScript because hooks run on Node's loader thread, before any TypeScript loader applies.
const FAKE = new URL('./electron.ts', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: FAKE, shortCircuit: true };
  return next(specifier, context);
}
