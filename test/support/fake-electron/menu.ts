import { record } from './recorder';

// MenuItemConstructorOptions['role'] in Electron's electron.d.ts: a typo there is a silently blank item.
const ROLES = new Set(
  [
    'undo redo cut copy paste pasteAndMatchStyle delete selectAll reload forceReload toggleDevTools resetZoom zoomIn',
    'zoomOut toggleSpellChecker togglefullscreen window minimize close help about services hide hideOthers unhide quit',
    'showSubstitutions toggleSmartQuotes toggleSmartDashes toggleTextReplacement startSpeaking stopSpeaking zoom front',
    'appMenu fileMenu editMenu viewMenu shareMenu recentDocuments toggleTabBar selectNextTab selectPreviousTab',
    'showAllTabs mergeAllWindows clearRecentDocuments moveTabToNewWindow windowMenu',
  ]
    .join(' ')
    .split(' '),
);

type Click = (menuItem: MenuItem, window: unknown, event: unknown) => void;

interface MenuItemOptions {
  label?: string;
  role?: string;
  type?: string;
  submenu?: MenuItemOptions[] | Menu;
  click?: Click;
  enabled?: boolean;
  visible?: boolean;
  accelerator?: string;
  id?: string;
}

/** MenuItem, checked the way Electron checks a template item. */
export class MenuItem {
  readonly label: string;
  readonly role: string | undefined;
  readonly type: string;
  readonly submenu: Menu | null;
  readonly click: Click | undefined;
  readonly enabled: boolean;
  readonly visible: boolean;
  readonly accelerator: string | undefined;
  readonly id: string | undefined;

  constructor(o: MenuItemOptions) {
    if (o.label === undefined && o.role === undefined && o.type === undefined) {
      throw new Error('Invalid template for MenuItem: must have at least one of label, role or type');
    }
    if (o.role !== undefined && !ROLES.has(o.role)) throw new Error(`fake-electron: unknown menu role "${o.role}"`);
    this.label = o.label ?? '';
    this.role = o.role;
    this.type = o.type ?? (o.submenu === undefined ? 'normal' : 'submenu');
    this.submenu = o.submenu === undefined ? null : o.submenu instanceof Menu ? o.submenu : buildMenu(o.submenu);
    this.click = o.click;
    this.enabled = o.enabled ?? true;
    this.visible = o.visible ?? true;
    this.accelerator = o.accelerator;
    this.id = o.id;
  }
}

function buildMenu(template: MenuItemOptions[]): Menu {
  const menu = new Menu();
  for (const item of template) menu.append(new MenuItem(item));
  return menu;
}

let applicationMenu: Menu | null = null;

/** Menu: items, and the application menu. */
export class Menu {
  readonly items: MenuItem[] = [];

  append(item: MenuItem): void {
    this.items.push(item);
  }

  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    record('Menu.buildFromTemplate', template);
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    return buildMenu(template);
  }

  static setApplicationMenu(menu: Menu | null): void {
    record('Menu.setApplicationMenu', menu === null ? null : '[Menu]');
    if (menu !== null && !(menu instanceof Menu)) throw new TypeError('Invalid menu');
    applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }
}

/** A menu as plain data, for reports. */
export interface PlainMenuItem {
  label: string;
  role: string | null;
  type: string;
  hasClick: boolean;
  enabled: boolean;
  visible: boolean;
  submenu: PlainMenuItem[] | null;
}

/** Describes a menu without its functions. */
export function describeMenu(menu: Menu): PlainMenuItem[] {
  return menu.items.map((item) => ({
    label: item.label,
    role: item.role ?? null,
    type: item.type,
    hasClick: item.click !== undefined,
    enabled: item.enabled,
    visible: item.visible,
    submenu: item.submenu === null ? null : describeMenu(item.submenu),
  }));
}

/** Finds an item by labels or roles from the top, e.g. ['help', 'Zoom API Documentation']. */
export function findMenuItem(menu: Menu, path: readonly string[]): MenuItem | null {
  let items = menu.items;
  let found: MenuItem | null = null;
  for (const name of path) {
    found = items.find((item) => item.label === name || item.role === name) ?? null;
    if (found === null) return null;
    items = found.submenu?.items ?? [];
  }
  return found;
}
