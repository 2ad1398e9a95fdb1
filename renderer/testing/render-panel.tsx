// Draws one component alone, as main.tsx draws the app: the English catalog, a store and a bridge
// through context, and the panels' health context. The test keeps the store and the bridge to set
// the scene and to look at what the component did. Test-only: never imported by the app.
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../shared/i18n/catalog';
// Only for its types: the app's typed catalog keys (renderer/i18n.ts's `declare module`), so a
// component compiles in its test as it does in the app. Its i18n instance is not used here.
import type {} from '../i18n';
import { BridgeProvider } from '../bridge/bridge-context';
import { createWirebenchStore, type WirebenchStore } from '../store/store';
import { StoreProvider } from '../store/store-context';
import { createFakeBridge, type FakeBridge } from './fake-bridge';

const i18n = createI18n('en');

export interface Drawn extends RenderResult {
  store: WirebenchStore;
  bridge: FakeBridge;
}

export function renderPanel(ui: ReactNode, store = createWirebenchStore(), bridge = createFakeBridge()): Drawn {
  const drawn = render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <BridgeProvider bridge={bridge}>{ui}</BridgeProvider>
      </StoreProvider>
    </I18nextProvider>,
  );
  return { ...drawn, store, bridge };
}
