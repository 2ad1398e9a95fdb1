// The store's shape: every slice's state and actions, and the combined WirebenchState. Types only,
// and no slice implementation is imported here: each slice types its `set`/`get` against
// WirebenchState from this module, and store.ts composes the slices, so no slice and the store
// import each other (`npm test` refuses import circles, type imports included).
import type { ConnSummary, Dir, ErrorInfo, EventPayload, JournalEvent, JournalTotals, Resolution, ServerInfo } from '../../shared/contract/contract';
import type { EnterInserts, ResponseDoc, SettingsNotice, UserPreset } from '../../shared/contract/app-settings';
import type { UrlParts } from '../../shared/client/target';
import type { LineEnding } from '../../shared/client/typed-input';
import type { EventRef } from '../../shared/teardown/ladder-types';
import type { LinkState } from '../bridge/bridge-types';
import type { PanelId } from '../ui/panel-ids';
import type { ConnJournal } from './journal-merge';
import type { Message } from './message';
import type { ServerDraft } from './server-draft';

export type WirebenchState = ServersSlice &
  ConnectionsSlice &
  ClientSlice &
  UiSlice &
  SelectionSlice &
  EditorSlice &
  SettingsSlice &
  PanelsSlice;

// --- servers-slice.ts ---

/** What failed, so that "Use port N" can do it again on that port. */
export type ServerAction = { kind: 'start' } | { kind: 'restart'; serverId: string } | { kind: 'update' } | { kind: 'stop' };

export interface ServerProblem {
  message: Message;
  action: ServerAction;
}

/** The live update of the edited server's settings (server.update). */
export type ApplyState = 'idle' | 'applying' | 'applied' | 'failed';

export interface ServersSlice {
  servers: ServerInfo[];
  /** The server the form edits; null: the form sets up a new one. */
  selectedServerId: string | null;
  serverDraft: ServerDraft;
  serverBusy: boolean;
  serverError: ServerProblem | null;
  serverApply: ApplyState;
  setServers: (servers: ServerInfo[]) => void;
  /** A server the engine reported as started or restarted: listed at once, and edited by the form. */
  serverStarted: (server: ServerInfo) => void;
  /** Edit a running server (its values fill the form), or null for a new one (the form keeps its values). */
  selectServer: (serverId: string | null) => void;
  editServerDraft: (patch: Partial<ServerDraft>) => void;
  setServerBusy: (busy: boolean) => void;
  setServerError: (error: ServerProblem | null) => void;
  setServerApply: (state: ApplyState) => void;
}

// --- connections-slice.ts ---

export interface ConnectionsSlice {
  conns: Record<string, ConnSummary>;
  /** Ids in the order the connections appeared. */
  connOrder: string[];
  journals: Record<string, ConnJournal>;
  totals: JournalTotals;
  /** Everything from `journal.snapshot`: on load and after a reconnect, when deltas may be missing. */
  applySnapshot: (conns: readonly ConnSummary[], totals: JournalTotals) => void;
  applyDelta: (delta: EventPayload<'journal.delta'>) => void;
  /** A summary learned from a command's answer (client.connect); deltas win if they came first. */
  addConn: (summary: ConnSummary) => void;
  /** Fetches under way (journal.watch), for these connections. */
  journalLoading: (connIds: readonly string[]) => void;
  /** Fetched events, merged by seq into each connection's journal. */
  journalLoaded: (loaded: readonly { connId: string; events: readonly JournalEvent[] }[]) => void;
  journalFailed: (failed: readonly { connId: string; error: ErrorInfo }[]) => void;
  /**
   * Connections the person cleared from the list (closed ones only): left out of connOrder from
   * then on, though their summaries and journals stay (a client tab's transcript still reads its
   * journal). The engine's journal is untouched: the contract has no command to clear it.
   */
  forgottenConns: Readonly<Record<string, true>>;
  /** Clears the list of its closed connections (see forgottenConns). */
  forgetClosedConns: () => void;
}

// --- client-slice.ts ---

/** line: Enter sends the text; char: every key goes out at once; hex: the text is hex digits. */
export type InputMode = 'line' | 'char' | 'hex';

export interface ClientSession {
  id: string;
  /** What the person typed as the target: `host port`, `host:port`, `[::1]:port` or a URL. */
  targetText: string;
  /** Connect timeout in seconds, as typed. */
  timeoutText: string;
  /** The connection this tab drives; it stays after closing, so its transcript stays readable. */
  connId: string | null;
  connecting: boolean;
  error: Message | null;
  /** A remark on the input (a paste whose line breaks were normalised); cleared by the next send. */
  notice: Message | null;
  /** What the last connect found out about the name. */
  resolution: Resolution | null;
  /** The last target, when it was a URL: shown split into its parts (lesson L2). */
  url: UrlParts | null;
  mode: InputMode;
  ending: LineEnding;
  /** Whether Enter adds the ending after the last line too (a POST body ends without one). */
  finalEnding: boolean;
  draft: string;
  /** Texts sent, oldest first, without repeats in a row. */
  history: string[];
  /** Received bytes with CR, LF and other controls drawn as badges (off: as a terminal shows them). */
  showControls: boolean;
}

export interface ClientSlice {
  sessions: ClientSession[];
  activeSessionId: string;
  addSession: () => string;
  closeSession: (id: string) => void;
  activateSession: (id: string) => void;
  patchSession: (id: string, patch: Partial<ClientSession>) => void;
  sessionConnectStarted: (id: string) => void;
  sessionConnected: (id: string, summary: ConnSummary, resolution: Resolution, url: UrlParts | null) => void;
  /** Something was sent: remember it for Up/Down, clear the draft and any error or notice. */
  sessionSent: (id: string, text: string) => void;
}

// --- ui-slice.ts ---

/** The journal panel's view of the selected connection: its events, its bytes each way, or its teardown diagram. */
export type JournalViewKind = 'events' | 'bytes' | 'diagram';

export interface UiSlice {
  selectedConnId: string | null;
  link: LinkState;
  journalView: JournalViewKind;
  /** The Bytes view covers the whole workbench (its Smaller/Larger toggle). */
  journalLarge: boolean;
  /** One journal entry picked elsewhere (an arrow of the teardown diagram): the Events view marks it. */
  selectedEvent: EventRef | null;
  /** The teardown diagram's picked step on a connection (kept while another view is shown); null: the latest. */
  diagramStep: { connId: string; step: number } | null;
  select: (connId: string | null) => void;
  setLink: (link: LinkState) => void;
  setJournalView: (view: JournalViewKind) => void;
  setJournalLarge: (large: boolean) => void;
  selectEvent: (ref: EventRef | null) => void;
  pickDiagramStep: (pick: { connId: string; step: number } | null) => void;
  /**
   * Pane sizes the person chose by dragging or with the keyboard (renderer/layout/), as percentages
   * of their group, by `group:panel` (PANE_KEY); kept in the layout settings. Empty: the defaults.
   */
  paneSizes: Readonly<Record<string, number>>;
  /** The side column's tab: the server card, or the lessons. */
  sideTab: SideTab;
  /** The server card is open to edit its settings (folded, it shows a summary). */
  serverCardOpen: boolean;
  setPaneSizes: (group: string, sizes: Readonly<Record<string, number>>) => void;
  setSideTab: (tab: SideTab) => void;
  setServerCardOpen: (open: boolean) => void;
}

/** What the side column shows. */
export type SideTab = 'server' | 'lessons';

// --- selection-slice.ts ---

export interface ByteSelection {
  connId: string;
  dir: Dir;
  offset: number;
  length: number;
  anchor: number;
  focus: number;
}

export interface SelectionSlice {
  byteSelection: ByteSelection | null;
  selectBytes: (selection: ByteSelection | null) => void;
}

// --- editor-slice.ts ---

export interface EditorSlice {
  editorEnter: EnterInserts;
  userPresets: UserPreset[];
  setEditorEnter: (enter: EnterInserts) => void;
  /** Keeps `doc` as a new preset named `name`; returns its id. */
  saveUserPreset: (name: string, doc: ResponseDoc) => string;
  renameUserPreset: (id: string, name: string) => void;
  deleteUserPreset: (id: string) => void;
  /** The presets read back from the settings at start. */
  setUserPresets: (presets: UserPreset[]) => void;
}

// --- settings-slice.ts ---

export interface SettingsSlice {
  settingsNotices: SettingsNotice[];
  /** The last settings.save that failed (settings_unwritable), until one succeeds or it is dismissed. */
  settingsSaveError: ErrorInfo | null;
  setSettingsNotices: (notices: SettingsNotice[]) => void;
  setSettingsSaveError: (error: ErrorInfo | null) => void;
  dismissSettingsNotices: () => void;
}

// --- panels-slice.ts ---

export interface PanelsSlice {
  failedPanels: readonly PanelId[];
  panelFailed: (panel: PanelId) => void;
  panelRecovered: (panel: PanelId) => void;
}
