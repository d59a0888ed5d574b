import { Icon } from './Icon';
import { Spinner } from './Spinner';

/** What is still missing (or that all is ready), and the button that sends the change. */
export function ChangeFormFooter({ hint, ready, pending }: { hint: string; ready: boolean; pending: boolean }) {
  return (
    <div className="card-footer">
      <p className={`footer-hint${ready ? ' is-ready' : ''}`} id="change-hint">
        {hint}
      </p>
      <button
        type="submit"
        className="button button-primary button-large"
        disabled={!ready}
        aria-busy={pending}
        aria-describedby="change-hint"
      >
        {pending ? <Spinner /> : <Icon name="key" size={16} />}
        {pending ? 'Changing…' : 'Change password'}
      </button>
    </div>
  );
}
