// Keeps the person's settings across restarts. At startup: `settings.load` once, the store filled
// from it (the server form, the client sessions' choices, the layout: section-codecs.ts), and the
// file's notices handed to the banner. Then every change of those sections is saved, a moment after
// the last one (section-saver.ts), and whatever waits is sent at once on pagehide/beforeunload.
//
// For features that keep a section of their own (the response editor's `response`, the user
// presets' `presets`), two functions, and a promise to wait on; none ever throws:
//
//   loadedSection(section)  -> the section's value as read at startup, or undefined (nothing
//                              stored, a section reset, or not loaded yet). Main has checked it
//                              against the section's schema (shared/contract/app-settings.ts); what it
//                              means is the feature's to check.
//   saveSection(section, value) -> keeps `value` as the section's new value, written SAVE_DELAY_MS
//                              after the last call for that section (call it on every change;
//                              only the last value in a pause is sent); held until the load has
//                              answered, resent after a reconnect, sent at once on pagehide. A
//                              failed write shows the settings banner by itself.
//   whenSettingsLoaded()    -> resolves once the load has answered and the store holds it (never
//                              for a host that does not answer). Safe to call before the sync
//                              starts. The app draws after it (or after LOAD_WAIT_MS), so a
//                              component mounting then usually finds loadedSection filled; a
//                              feature that restores its section in whenSettingsLoaded().then(...)
//                              also handles the slow host, and should leave alone what the person
//                              changed meanwhile, as this module does.
//
// `server`, `client` and `layout` are saved by this module from the store: call saveSection with
// them and the two would take turns overwriting each other.
//
// The layout also records the panels showing their error fallback; a panel still broken when the
// app closed has the settings it draws from reset at the next load, with a notice (panel-reset.ts).
import { DEFAULT_LANGUAGE_SECTION, DEFAULT_LESSONS_SECTION, type ResponseSection, type SectionSave, type SectionValue, type SettingsSection, type StoredSettings } from '../../shared/contract/app-settings';
import type { LinkedBridge } from '../bridge/bridge-types';
import { newSession } from '../store/client-slice';
import type { WirebenchState } from '../store/state-types';
import type { WirebenchStore } from '../store/store';
import {
  clientSectionOf,
  draftFromSection,
  layoutFromSection,
  layoutSectionOf,
  serverSectionOf,
  sessionsFromSection,
} from './section-codecs';
import { resetFailedPanels, withFailedPanels } from './panel-reset';
import { createSectionSaver, type SectionSaver, type SectionSaverOptions } from './section-saver';

/** How long the first draw waits for the stored settings before it shows the defaults. */
export const LOAD_WAIT_MS = 1000;

type StoreSection = 'server' | 'client' | 'layout';
const STORE_SECTIONS: readonly StoreSection[] = ['server', 'client', 'layout'];

/** Each store-kept section of a state, by the parts of the state it comes from (for a cheap "changed?"). */
const FROM_STATE: Record<StoreSection, { parts: (s: WirebenchState) => readonly unknown[]; value: (s: WirebenchState) => unknown }> = {
  server: { parts: (s) => [s.serverDraft], value: (s) => serverSectionOf(s.serverDraft) },
  client: { parts: (s) => [s.sessions], value: (s) => clientSectionOf(s.sessions) },
  layout: {
    parts: (s) => [s.journalView, s.journalLarge, s.activeSessionId, s.sessions, s.failedPanels, s.paneSizes],
    value: (s) =>
      withFailedPanels(
        layoutSectionOf({
          journalView: s.journalView,
          journalLarge: s.journalLarge,
          clientActive: Math.max(0, s.sessions.findIndex((x) => x.id === s.activeSessionId)),
          panes: s.paneSizes,
        }),
        s.failedPanels,
      ),
  },
};

/**
 * A section's value as the store holds it now, to save a reset section's defaults at once. The
 * response is otherwise saved by the editor (editor-settings.ts), from the same fields.
 */
function sectionNow(section: SettingsSection, s: WirebenchState): unknown {
  if (section === 'response') return { text: s.serverDraft.cannedText, body: s.serverDraft.cannedBody, enter: s.editorEnter } satisfies ResponseSection;
  if (section === 'presets') return { presets: s.userPresets };
  // Kept by the Lessons panel itself (features/lessons/lesson-settings.ts); a reset one is its default.
  if (section === 'lessons') return DEFAULT_LESSONS_SECTION;
  // Kept by the language menu (renderer/i18n-choice.ts); a reset one follows the system again.
  if (section === 'language') return DEFAULT_LANGUAGE_SECTION;
  return FROM_STATE[section].value(s);
}

interface Running {
  loaded: StoredSettings | null;
  saver: SectionSaver;
}

let running: Running | null = null;

/**
 * Made before any sync starts, so a feature that asks first (its module runs before main.tsx
 * starts the sync) waits for the load rather than hearing it is done; made anew once used.
 */
let loadedSignal = signal();

function signal(): { promise: Promise<void>; resolve: () => void; done: boolean } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  const made = { promise, done: false, resolve: () => {} };
  made.resolve = () => {
    made.done = true;
    resolve();
  };
  return made;
}

export function loadedSection<S extends SettingsSection>(section: S): SectionValue<S> | undefined {
  return running?.loaded?.[section] as SectionValue<S> | undefined;
}

export function saveSection<S extends SettingsSection>(section: S, value: SectionValue<S>): void {
  running?.saver.schedule(section, value);
}

/** Resolves once settings.load has answered and the store holds what it read. */
export function whenSettingsLoaded(): Promise<void> {
  return loadedSignal.promise;
}

export interface SettingsSyncOptions {
  /** Where pagehide/beforeunload come from; default: the page's window. */
  page?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  timers?: Pick<SectionSaverOptions, 'setTimer' | 'clearTimer' | 'delayMs'>;
}

/** Starts loading and, once loaded, saving; returns a stop function. One per page. */
export function startSettingsSync(bridge: LinkedBridge, store: WirebenchStore, options: SettingsSyncOptions = {}): () => void {
  const page = options.page ?? (typeof window === 'undefined' ? undefined : window);
  const saver = createSectionSaver({
    ...options.timers,
    send: (section, value) => {
      void bridge.invoke('settings.save', { section, value } as SectionSave).then((result) => {
        if (result.ok) {
          if (store.getState().settingsSaveError) store.getState().setSettingsSaveError(null);
        } else if (result.error.code === 'disconnected') {
          saver.retry(section, value); // sent again when the link is back (the link banner says it is down)
        } else {
          store.getState().setSettingsSaveError(result.error);
        }
      });
    },
  });
  if (loadedSignal.done) loadedSignal = signal();
  const loaded = loadedSignal;
  const state: Running = { loaded: null, saver };
  running = state;

  // What the store held before the load answered: a section that differs from it by then was
  // changed by the person (a slow host), and is kept rather than overwritten.
  const before = sectionTexts(store.getState());
  let unwatch: () => void = () => {};
  let loading = false;

  const load = (): void => {
    if (loading || state.loaded) return;
    loading = true;
    void bridge.invoke('settings.load', {}).then((result) => {
      loading = false;
      if (!result.ok) return; // disconnected: tried again when the link is up
      const reset = resetFailedPanels(result.value.settings);
      state.loaded = reset.stored;
      const changed = hydrate(store, reset.stored, before);
      store.getState().setSettingsNotices([...result.value.notices, ...reset.notices]);
      unwatch = watch(store, saver);
      for (const section of new Set([...changed, ...reset.sections])) saver.schedule(section, sectionNow(section, store.getState()));
      saver.release();
      loaded.resolve();
    });
  };

  const offLink = bridge.onLink((link) => {
    if (link !== 'up') return;
    load();
    saver.flush();
  });
  const flush = (): void => saver.flush();
  page?.addEventListener('pagehide', flush);
  page?.addEventListener('beforeunload', flush);

  return () => {
    flush();
    offLink();
    unwatch();
    page?.removeEventListener('pagehide', flush);
    page?.removeEventListener('beforeunload', flush);
    saver.dispose();
    if (running === state) running = null;
    if (loadedSignal === loaded) loadedSignal = signal(); // what asks now waits for the next start
  };
}

function sectionTexts(s: WirebenchState): Record<StoreSection, string> {
  return { server: text(FROM_STATE.server.value(s)), client: text(FROM_STATE.client.value(s)), layout: text(FROM_STATE.layout.value(s)) };
}

function text(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Puts the stored sections into the store, each only if the person has not changed it meanwhile;
 * returns the sections they did change, which are theirs to save now.
 */
function hydrate(store: WirebenchStore, stored: StoredSettings, before: Record<StoreSection, string>): StoreSection[] {
  const now = sectionTexts(store.getState());
  const untouched = (section: StoreSection): boolean => now[section] === before[section];
  store.setState((s) => {
    const patch: Partial<WirebenchState> = {};
    if (stored.server && untouched('server')) patch.serverDraft = draftFromSection(stored.server, s.serverDraft);
    const sessions = stored.client && untouched('client') ? sessionsFromSection(stored.client, () => newSession()) : null;
    if (sessions) {
      patch.sessions = sessions;
      patch.activeSessionId = (sessions[0] as (typeof sessions)[number]).id;
    }
    if (stored.layout && untouched('layout')) {
      const list = sessions ?? s.sessions;
      const layout = layoutFromSection(stored.layout, { journalView: s.journalView, journalLarge: s.journalLarge, clientActive: 0 });
      patch.journalView = layout.journalView;
      patch.journalLarge = layout.journalLarge;
      if (layout.panes) patch.paneSizes = layout.panes;
      const active = list[layout.clientActive];
      if (active) patch.activeSessionId = active.id;
    }
    return patch;
  });
  return STORE_SECTIONS.filter((section) => !untouched(section));
}

/** Schedules a save of each store-kept section whose value changed since it was last loaded or saved. */
function watch(store: WirebenchStore, saver: SectionSaver): () => void {
  const last = sectionTexts(store.getState());
  return store.subscribe((state, previous) => {
    for (const section of STORE_SECTIONS) {
      const from = FROM_STATE[section];
      const parts = from.parts(state);
      const earlier = from.parts(previous);
      if (parts.every((p, i) => p === earlier[i])) continue;
      const value = from.value(state);
      const t = text(value);
      if (t === last[section]) continue;
      last[section] = t;
      saver.schedule(section, value);
    }
  });
}
