// What the person should know about their kept settings: what went wrong reading the file at
// startup (notices from settings.load), and the last save that failed. Shown by
// features/settings-notices until dismissed; written only by renderer/settings/settings-sync.ts.
import type { StateCreator } from 'zustand';
import type { SettingsNotice } from '../../shared/contract/app-settings';
import type { ErrorInfo } from '../../shared/contract/contract';
import type { SettingsSlice, WirebenchState } from './state-types';

export const createSettingsSlice: StateCreator<WirebenchState, [], [], SettingsSlice> = (set) => ({
  settingsNotices: [],
  settingsSaveError: null,
  setSettingsNotices: (settingsNotices) => set({ settingsNotices }),
  setSettingsSaveError: (settingsSaveError) => set({ settingsSaveError }),
  dismissSettingsNotices: () => set({ settingsNotices: [], settingsSaveError: null }),
});

export const selectSettingsNotices = (s: WirebenchState): SettingsNotice[] => s.settingsNotices;
export const selectSettingsSaveError = (s: WirebenchState): ErrorInfo | null => s.settingsSaveError;
