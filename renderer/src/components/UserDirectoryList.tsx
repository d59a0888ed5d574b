import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { ZoomUserView } from '../../../shared/domain/users';
import { Spinner } from './Spinner';
import { UserDirectoryOption } from './UserDirectoryOption';

export const DIRECTORY_ROW_HEIGHT = 52;

/**
 * The filtered users as a virtual listbox: only the rows in view exist in the DOM (accounts have tens of
 * thousands of users). The search box keeps focus and drives it (aria-activedescendant).
 */
export function UserDirectoryList({
  listId,
  count,
  userAt,
  ensureRange,
  activeIndex,
  onActivate,
  onPick,
}: {
  listId: string;
  count: number;
  userAt: (index: number) => ZoomUserView | undefined;
  ensureRange: (first: number, last: number) => void;
  activeIndex: number;
  onActivate: (index: number) => void;
  onPick: (user: ZoomUserView) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer is mutable by design; this component is simply not auto-memoised.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => DIRECTORY_ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    ensureRange(first, last);
  }, [ensureRange, first, last]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  return (
    <div ref={scrollRef} className="directory-scroll">
      <ul
        id={listId}
        role="listbox"
        aria-label="Users"
        className="directory-list"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const user = userAt(item.index);
          const style = { transform: `translateY(${item.start}px)`, height: item.size };
          if (user === undefined) {
            return (
              <li key={item.key} className="directory-option is-loading" style={style} aria-hidden="true">
                <Spinner />
              </li>
            );
          }
          return (
            <UserDirectoryOption
              key={item.key}
              id={`${listId}-${item.index}`}
              user={user}
              active={item.index === activeIndex}
              style={style}
              onHover={() => onActivate(item.index)}
              onPick={() => onPick(user)}
            />
          );
        })}
      </ul>
    </div>
  );
}
