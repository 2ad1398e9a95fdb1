// Where the app's settings live between runs. The hosts pick the store: a file in the user's data
// or config directory (file-settings-store.ts) for the Electron app and the web host, or memory
// for the terminal commands, which have no window whose state to keep.
import type { SettingsNotice, SettingsSection, SectionSave, StoredSettings } from '../../shared/contract/app-settings';

export interface LoadedSettings {
  settings: StoredSettings;
  notices: SettingsNotice[];
  /** Where they are kept ('' in memory), for the person to find them. */
  file: string;
}

export interface SettingsStore {
  /** Never fails: what cannot be read is reported as a notice, and its sections take defaults. */
  load(): Promise<LoadedSettings>;
  /** Stores one section; throws CommandError('settings_unwritable') when it cannot. */
  save(change: SectionSave): Promise<void>;
}

/** Settings that last as long as the process: the CLI's, and tests'. */
export class MemorySettingsStore implements SettingsStore {
  private readonly sections = new Map<SettingsSection, unknown>();

  load(): Promise<LoadedSettings> {
    return Promise.resolve({ settings: Object.fromEntries(this.sections), notices: [], file: '' });
  }

  save(change: SectionSave): Promise<void> {
    this.sections.set(change.section, structuredClone(change.value));
    return Promise.resolve();
  }
}
