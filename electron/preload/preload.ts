import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from '../../shared/ipc/bridge';
import { BRIDGE_GLOBAL } from '../../shared/ipc/channels';

// The only place that touches ipcRenderer. The page gets the fixed contract API and nothing else:
// no ipcRenderer, no event objects, no way to name a channel of its own.
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  createBridge((channel, payload) => ipcRenderer.invoke(channel, payload)),
);
