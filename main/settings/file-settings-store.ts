// Settings kept in one JSON file (settings-file.ts): in the Electron app's user data directory,
// or the web host's config directory. Written atomically (write-file-atomic: a temporary file
// beside it, fsync, rename), so a crash or a full disk mid-write leaves the old file whole, never
// half of the new one. Saves run one after another through a queue, so two quick saves of
// different sections cannot both start from the same old contents and lose one another's change.
// A file that cannot be used is set aside (set-aside.ts) and reported as a notice, never thrown;
// one that is not a regular file or is larger than the cap counts as such (read-capped.ts).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import {
  SECTION_SCHEMAS,
  type SectionSave,
  type SettingsNotice,
  type StoredSettings,
} from '../../shared/contract/app-settings';
import { CommandError } from '../engine/command-error';
import { codeOf, copyAside, moveAside } from './set-aside';
import { readCapped } from './read-capped';
import { emptyContents, parseSettingsFile, settingsFileText, type ParsedFile, type SettingsContents } from './settings-file';
import type { LoadedSettings, SettingsStore } from './settings-store';

export const SETTINGS_FILE_NAME = 'settings.json';

export interface FileSettingsStoreOptions {
  /** The directory the file lives in; made (0700: settings are the person's own) when missing. */
  dir: string;
  /** What names the set-aside copies; tests pass a fixed clock. */
  now?: () => Date;
  /** The largest file read or written; default MAX_SETTINGS_FILE_BYTES. */
  maxFileBytes?: number;
}

/** A response with an image body and a few saved presets fit many times over. */
export const MAX_SETTINGS_FILE_BYTES = 64 * 1024 * 1024;

/**
 * What the store knows of the file: its contents, or, when it could not be read, why. In the latter
 * case saving would replace a file we never saw (rename() needs no read permission), so saves
 * first try to read it again and refuse while they cannot.
 */
type Known = { kind: 'read'; contents: SettingsContents } | { kind: 'unreadable'; code: string };

export class FileSettingsStore implements SettingsStore {
  readonly file: string;
  private readonly dir: string;
  private readonly now: () => Date;
  private readonly maxFileBytes: number;
  private known: Known | null = null;
  /** The tail of the queue every load and save joins. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(options: FileSettingsStoreOptions) {
    this.dir = options.dir;
    this.file = join(options.dir, SETTINGS_FILE_NAME);
    this.now = options.now ?? (() => new Date());
    this.maxFileBytes = options.maxFileBytes ?? MAX_SETTINGS_FILE_BYTES;
  }

  load(): Promise<LoadedSettings> {
    return this.queued(async () => {
      const { known, notices } = await this.read();
      this.known = known;
      const settings: StoredSettings = known.kind === 'read' ? structuredClone(known.contents.sections) : {};
      return { settings, notices, file: this.file };
    });
  }

  save(change: SectionSave): Promise<void> {
    return this.queued(async () => {
      // The door has checked it already; checked again because a store may be handed input by
      // other code too, and a bad section written would reset itself on the next start.
      const parsed = SECTION_SCHEMAS[change.section].safeParse(change.value);
      if (!parsed.success) throw new CommandError('bad_input', { command: 'settings.save', issues: parsed.error.message.slice(0, 500) });

      if (this.known?.kind !== 'read') this.known = (await this.read()).known;
      const known = this.known;
      if (known.kind === 'unreadable') throw this.unwritable(known.code);
      const { [change.section]: _replaced, ...foreign } = known.contents.foreign;
      const contents: SettingsContents = {
        foreign,
        sections: { ...known.contents.sections, [change.section]: parsed.data },
      };
      // Never write a file the next load would set aside as too large.
      const text = settingsFileText(contents);
      if (Buffer.byteLength(text) > this.maxFileBytes) {
        throw new CommandError('bad_input', { command: 'settings.save', issues: `(input): the settings file would exceed ${this.maxFileBytes} bytes` });
      }
      try {
        await mkdir(this.dir, { recursive: true, mode: 0o700 });
        await writeFileAtomic(this.file, text, { mode: 0o600 });
      } catch (err) {
        throw this.unwritable(codeOf(err));
      }
      known.contents = contents;
    });
  }

  /** Runs `task` after everything queued before it, whether that succeeded or not. */
  private queued<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => {});
    return run;
  }

  private async read(): Promise<{ known: Known; notices: SettingsNotice[] }> {
    const file = this.file;
    const read = await readCapped(file, this.maxFileBytes);
    // No file yet is the first run, not a problem.
    if (read.kind === 'missing') return { known: { kind: 'read', contents: emptyContents() }, notices: [] };
    if (read.kind === 'error') {
      return { known: { kind: 'unreadable', code: read.code }, notices: [{ code: 'unreadable', params: { file, code: read.code } }] };
    }

    // Not a regular file, or too large to be ours: set aside like a file that is not JSON.
    const parsed: ParsedFile = read.kind === 'text' ? parseSettingsFile(read.text) : { kind: 'corrupt' };
    if (parsed.kind === 'corrupt') {
      try {
        const setAside = await moveAside(file, this.now());
        return { known: { kind: 'read', contents: emptyContents() }, notices: [{ code: 'corrupt', params: { file, setAside } }] };
      } catch (err) {
        // Left where it is, it must not be overwritten either: treated as unreadable.
        const code = codeOf(err);
        return { known: { kind: 'unreadable', code }, notices: [{ code: 'unreadable', params: { file, code } }] };
      }
    }

    if (parsed.damaged.length === 0) return { known: { kind: 'read', contents: parsed.contents }, notices: [] };
    // One copy of the whole file however many sections failed: the next save drops them from it.
    let setAside = '';
    const contents = parsed.contents;
    try {
      setAside = await copyAside(file, this.now());
    } catch {
      // No copy could be made (a read-only directory: saves will fail too). What the damaged
      // sections held stays in the file, written back untouched, rather than lost.
      for (const { section, value } of parsed.damaged) contents.foreign[section] = value;
    }
    const notices: SettingsNotice[] = parsed.damaged.map(({ section }) => ({ code: 'section_reset', params: { file, section, setAside } }));
    return { known: { kind: 'read', contents }, notices };
  }

  private unwritable(code: string): CommandError {
    return new CommandError('settings_unwritable', { file: this.file, code });
  }
}
