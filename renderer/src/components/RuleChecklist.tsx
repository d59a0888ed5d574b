import type { ReactNode } from 'react';
import type { ChecklistItem, RuleState } from '../format/checklist';
import { Icon } from './Icon';

const STATE_WORDS: Readonly<Record<RuleState, string>> = { pass: 'Met', fail: 'Not met', pending: 'Not checked yet' };
const STATE_ICONS = { pass: 'check-circle', fail: 'x-circle', pending: 'circle' } as const;

/** The password rules, one line each, updating as the password is typed; `footer` says where they come from. */
export function RuleChecklist({
  id,
  items,
  title = 'Zoom’s password rules',
  footer,
}: {
  id: string;
  items: readonly ChecklistItem[];
  title?: string;
  footer?: ReactNode;
}) {
  return (
    <div className="checklist" id={id}>
      <h3 className="caps-label caps-label-small checklist-title">{title}</h3>
      <ul className="checklist-items" aria-label="Password rules">
        {items.map((item) => (
          <li key={item.id} className={`checklist-item is-${item.state}`} data-rule={item.id} data-state={item.state}>
            <Icon name={STATE_ICONS[item.state]} size={16} />
            <span className="visually-hidden">{STATE_WORDS[item.state]}: </span>
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
      {footer}
    </div>
  );
}
