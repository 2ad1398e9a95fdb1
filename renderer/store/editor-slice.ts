// The response editor's own state, beside the server form's draft (which holds the response
// itself): what Enter inserts, and the presets the learner saved. Both are kept across restarts
// (the `response` and `presets` settings sections; see features/response-editor/editor-settings.ts).
import type { StateCreator } from 'zustand';
import type { EnterInserts, UserPreset } from '../../shared/contract/app-settings';
import type { EditorSlice, WirebenchState } from './state-types';

export const createEditorSlice: StateCreator<WirebenchState, [], [], EditorSlice> = (set) => ({
  editorEnter: 'crlf',
  userPresets: [],
  setEditorEnter: (editorEnter) => set({ editorEnter }),
  saveUserPreset: (name, doc) => {
    const id = newPresetId();
    set((s) => ({ userPresets: [...s.userPresets, { id, name: name.trim(), text: doc.text, body: doc.body }] }));
    return id;
  },
  renameUserPreset: (id, name) =>
    set((s) => ({ userPresets: s.userPresets.map((p) => (p.id === id ? { ...p, name: name.trim() } : p)) })),
  deleteUserPreset: (id) => set((s) => ({ userPresets: s.userPresets.filter((p) => p.id !== id) })),
  setUserPresets: (userPresets) => set({ userPresets }),
});

/** Ids only need to be unique among one person's presets: time and a random part. */
function newPresetId(): string {
  return `p${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

export const selectEditorEnter = (s: WirebenchState): EnterInserts => s.editorEnter;
export const selectUserPresets = (s: WirebenchState): UserPreset[] => s.userPresets;
