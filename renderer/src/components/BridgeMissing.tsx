import { EmptyState } from './EmptyState';

/** Shown when the page is opened outside the app: there is no main process to talk to. */
export function BridgeMissing() {
  return (
    <main className="bridge-missing" data-app-ready="true">
      <EmptyState icon="alert" title="Open this inside Zoom Password Admin">
        This page is the app&apos;s window and cannot reach Zoom or the keychain on its own. Start the app with{' '}
        <code>npm start</code>.
      </EmptyState>
    </main>
  );
}
