// The response editor's part of the kept settings: the canned response being edited (its text, its
// file body, what Enter inserts: the `response` section) and the learner's presets (`presets`).
// Read back once the settings have loaded, then saved on every change (settings-sync debounces).
// What the person changed before the load answered wins over what was stored.
import type { ResponseSection } from '../../../shared/contract/app-settings';
import { loadedSection, saveSection, whenSettingsLoaded } from '../../settings/settings-sync';
import { DEFAULT_DRAFT } from '../../store/server-draft';
import type { WirebenchState } from '../../store/state-types';
import type { WirebenchStore } from '../../store/store';

const responseOf = (s: WirebenchState): ResponseSection => ({ text: s.serverDraft.cannedText, body: s.serverDraft.cannedBody, enter: s.editorEnter });

export function startEditorSettings(store: WirebenchStore): () => void {
  let stop = (): void => {};
  let stopped = false;
  void whenSettingsLoaded().then(() => {
    if (stopped) return;
    restore(store);
    stop = store.subscribe((now, before) => {
      if (now.serverDraft.cannedText !== before.serverDraft.cannedText || now.serverDraft.cannedBody !== before.serverDraft.cannedBody || now.editorEnter !== before.editorEnter) {
        saveSection('response', responseOf(now));
      }
      if (now.userPresets !== before.userPresets) saveSection('presets', { presets: now.userPresets });
    });
  });
  return () => {
    stopped = true;
    stop();
  };
}

function restore(store: WirebenchStore): void {
  const s = store.getState();
  const response = loadedSection('response');
  // Untouched since start: the stored response replaces the default one.
  const untouched = s.serverDraft.cannedText === DEFAULT_DRAFT.cannedText && s.serverDraft.cannedBody === null;
  if (response && untouched) {
    s.editServerDraft({ cannedText: response.text, cannedBody: response.body });
    s.setEditorEnter(response.enter);
  }
  const presets = loadedSection('presets');
  if (presets && s.userPresets.length === 0) s.setUserPresets(presets.presets);
}
