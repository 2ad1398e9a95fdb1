// Starts the renderer: pick the transport, start listening to the engine, draw.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { createBridge } from './bridge/client';
import { startIngest } from './bridge/ingest';
import { i18n } from './i18n';
import { startEditorSettings } from './features/response-editor/editor-settings';
import { applyStoredLanguage } from './settings/language-choice';
import { LOAD_WAIT_MS, startSettingsSync, whenSettingsLoaded } from './settings/settings-sync';
import { RecordingSwitch } from './recording/recording-switch';
import { createWirebenchStore } from './store/store';
import './ui/theme.css';

// The app's one store and one bridge, handed to every component through context.
const store = createWirebenchStore();
const bridge = createBridge();
startIngest(bridge, store);
startSettingsSync(bridge, store);
startEditorSettings(store);

document.documentElement.lang = i18n.language;
document.title = i18n.t('ui.app.title');
// The kept language choice, as soon as the settings are in (before the first draw, usually).
void whenSettingsLoaded().then(applyStoredLanguage);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const draw = (): void =>
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RecordingSwitch store={store} bridge={bridge}>
          <App />
        </RecordingSwitch>
      </I18nextProvider>
    </StrictMode>,
  );
// Drawn once the kept settings are in the store, so the forms do not show their defaults first and
// then change under the person's eyes; a host slow to answer gets the defaults after a moment
// (what arrives later fills in only what the person has not touched).
void Promise.race([whenSettingsLoaded(), new Promise((resolve) => setTimeout(resolve, LOAD_WAIT_MS))]).then(draw);
