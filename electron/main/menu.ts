import { Menu, type MenuItemConstructorOptions } from 'electron';
import { ZOOM_API_DOCS_URL } from '../node/external-urls';

/**
 * A small native menu: Edit so copy and paste work in text fields (on macOS they need the menu),
 * View > Reload only in development, and Help > Zoom's API documentation in the browser.
 */
export function buildAppMenu(o: {
  dev: boolean;
  platform: NodeJS.Platform;
  openExternal: (url: string) => Promise<void>;
}): Menu {
  const template: MenuItemConstructorOptions[] = [];
  if (o.platform === 'darwin') template.push({ role: 'appMenu' });
  else template.push({ label: '&File', submenu: [{ role: 'quit' }] });
  template.push({ role: 'editMenu' });
  if (o.dev) {
    template.push({
      label: '&View',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: [
      {
        label: 'Zoom API Documentation',
        click: () => {
          o.openExternal(ZOOM_API_DOCS_URL).catch((error: unknown) => {
            console.error(
              `[menu] could not open the documentation: ${error instanceof Error ? error.message : 'error'}`,
            );
          });
        },
      },
    ],
  });
  return Menu.buildFromTemplate(template);
}
