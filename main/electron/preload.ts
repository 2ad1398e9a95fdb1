// Runs in the sandboxed preload (bundled to one CJS file: a sandboxed preload can neither be an ES
// module nor require packages). It exposes the narrow API of create-preload-api.ts and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { PRELOAD_GLOBAL } from '../../shared/contract/bridge';
// Inlined at build time: the sandbox has no file system to read package.json from.
import { version } from '../../package.json';
import { createPreloadApi } from './create-preload-api';

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, createPreloadApi(ipcRenderer, version));
