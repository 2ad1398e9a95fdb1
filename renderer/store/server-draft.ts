// The server form as typed: every field as the person left it (numbers as text, so a half-typed
// one is not an error yet), each responder's own fields kept while another is chosen, so switching
// back and forth loses nothing. Turned into the contract's settings only when used, with the first
// problem found named by field and said as a sentence.
//
// The rule for zod in the renderer: a form is checked with the contract's own schemas
// (shared/contract/contract.ts, shared/server/settings.ts), so every limit has one source the engine's door
// shares, and only the words are the renderer's: each issue's path names the form's field and the
// i18n sentence the form shows (the bundle carries zod for the contract anyway).
import { Backlog, type ServerInfo } from '../../shared/contract/contract';
import {
  ResponderConfig,
  ServerSettings,
  type AcceptMode,
  type AfterAnswer,
  type AnswerWhen,
  type ResponderKind,
  type Route,
} from '../../shared/server/settings';
import { parseHost, parsePort } from '../lib/endpoint-input';
import { isAbsolutePath, resolvePath } from '../lib/resolve-path';
import type { FileBody } from '../../shared/contract/app-settings';
import { sameBytes } from '../../shared/bytes/bytes';
import { bytesToEscapedText, escapedTextToBytes } from '../lib/escaped-text';
import { docFromBytes, docText, responseBytes } from '../lib/response-doc';
import type { Message } from './message';
import { DEFAULT_LISTEN } from '../../shared/server/choices';
import { DEFAULT_SERVER_SETTINGS } from '../../shared/server/defaults';
export const ROUTE_DRAFT_KINDS = ['file', 'bytes', 'echo_page'] as const;
export type RouteDraftKind = (typeof ROUTE_DRAFT_KINDS)[number];

export interface RouteDraft {
  method: string;
  path: string;
  /** Exact bytes, a file, or the request shown as an HTML page (echo_page, which has no fields). */
  kind: RouteDraftKind;
  /** The response bytes as escaped text (lib/escaped-text.ts), for kind `bytes`. */
  text: string;
  file: string;
  contentType: string;
}

export interface ServerDraft {
  host: string;
  port: string;
  backlog: string;
  expose: boolean;
  responder: ResponderKind;
  /** The canned response as the editor's document (lib/response-doc.ts): escaped text, real CRs. */
  cannedText: string;
  /** The canned response's body when it comes from a file; sent after cannedText's bytes. */
  cannedBody: FileBody | null;
  /** Empty: the sample site shipped with the app. Relative: taken from staticBase. */
  staticRoot: string;
  /**
   * The folder a relative staticRoot is taken from (absolute; the sample site's folder, or one the
   * person chose), '' until there is one. The engine gets the whole path: it refuses a relative root.
   */
  staticBase: string;
  /** The static server's 404 body; empty: its default, `404 Not Found`. */
  staticNotFoundText: string;
  routes: RouteDraft[];
  answerWhen: AnswerWhen;
  after: AfterAnswer;
  halfCloseWaitMs: string;
  dripBytes: string;
  dripEveryMs: string;
  acceptMode: AcceptMode;
  /** Seconds, as people think of timeouts; the contract counts milliseconds. */
  idleTimeoutS: string;
  headerTimeoutS: string;
}

export type DraftField =
  | 'host'
  | 'port'
  | 'backlog'
  | 'staticRoot'
  | 'staticNotFoundText'
  | 'halfCloseWaitMs'
  | 'dripBytes'
  | 'dripEveryMs'
  | 'idleTimeoutS'
  | 'headerTimeoutS'
  | `route${number}`;

export interface DraftProblem {
  field: DraftField;
  message: Message;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: DraftProblem };

export interface Listen {
  host: string;
  port: number;
  backlog: number;
  exposeToNetwork: boolean;
}

export const DEFAULT_DRAFT: ServerDraft = {
  host: DEFAULT_LISTEN.host,
  port: String(DEFAULT_LISTEN.port),
  backlog: String(DEFAULT_LISTEN.backlog),
  expose: false,
  responder: 'canned',
  cannedText: DEFAULT_SERVER_SETTINGS.responder.kind === 'canned' ? docText(DEFAULT_SERVER_SETTINGS.responder.bytes) : '',
  cannedBody: null,
  staticRoot: '',
  staticBase: '',
  staticNotFoundText: '',
  routes: [],
  ...settingsFields(DEFAULT_SERVER_SETTINGS),
};

/** A running server's values in the form; the other responders' fields stay as they were. */
export function draftFromServer(info: ServerInfo, previous: ServerDraft): ServerDraft {
  return {
    ...previous,
    host: info.host,
    port: String(info.port),
    backlog: String(info.backlog),
    expose: info.exposed,
    ...responderFields(info.settings.responder, previous),
    ...settingsFields(info.settings),
  };
}

export function routeDraft(route: Route): RouteDraft {
  const r = route.response;
  const at = { method: route.method, path: route.path };
  switch (r.kind) {
    case 'bytes':
      return { ...at, kind: 'bytes', text: bytesToEscapedText(r.bytes), file: '', contentType: '' };
    case 'file':
      return { ...at, kind: 'file', text: '', file: r.path, contentType: r.contentType };
    case 'echo_page':
      return { ...at, kind: 'echo_page', text: '', file: '', contentType: '' };
  }
}

export function checkListen(draft: ServerDraft): Checked<Listen> {
  const host = parseHost(draft.host);
  if (host === null) return problem('host', 'ui.form.badHost');
  // Port 0 is allowed: the system picks a free port, which the list then shows.
  const port = parsePort(draft.port, 0);
  if (port === null) return problem('port', 'ui.form.badPort', { min: 0 });
  const backlog = Backlog.safeParse(wholeNumber(draft.backlog));
  if (!backlog.success) return problem('backlog', 'ui.server.invalid.backlog');
  // The checkbox is shown, and counts, only for a host beyond loopback.
  return { ok: true, value: { host, port, backlog: backlog.data, exposeToNetwork: draft.expose && !isLoopbackHost(host) } };
}

type NumberSetting = 'halfCloseWaitMs' | 'dripBytes' | 'dripEveryMs' | 'idleTimeoutMs' | 'headerTimeoutMs';

/**
 * The settings' numbers in the form's order, top to bottom (the first in trouble is the one named):
 * the field each is typed in, how its text reads, and the sentence when the schema refuses it.
 */
const NUMBERS: readonly { setting: NumberSetting; field: DraftField & keyof ServerDraft; read: (text: string) => number | null; key: Message['key'] }[] = [
  { setting: 'halfCloseWaitMs', field: 'halfCloseWaitMs', read: wholeNumber, key: 'ui.server.invalid.halfCloseWaitMs' },
  { setting: 'dripBytes', field: 'dripBytes', read: wholeNumber, key: 'ui.server.invalid.dripBytes' },
  { setting: 'dripEveryMs', field: 'dripEveryMs', read: wholeNumber, key: 'ui.server.invalid.dripEveryMs' },
  { setting: 'idleTimeoutMs', field: 'idleTimeoutS', read: secondsToMs, key: 'ui.server.invalid.idleTimeout' },
  { setting: 'headerTimeoutMs', field: 'headerTimeoutS', read: secondsToMs, key: 'ui.server.invalid.headerTimeout' },
];

export function checkSettings(draft: ServerDraft): Checked<ServerSettings> {
  if (draft.responder === 'static' && staticRootOf(draft) === undefined) return problem('staticRoot', 'ui.server.invalid.staticRootBase');
  const responder = ResponderConfig.safeParse(responderInput(draft));
  if (!responder.success) return { ok: false, problem: responderProblem(responder.error.issues) };
  const numbers = {} as Record<NumberSetting, number>;
  for (const { setting, field, read, key } of NUMBERS) {
    // Text that is no number goes to the schema as null: refused there like one out of range.
    const checked = ServerSettings.shape[setting].safeParse(read(draft[field]));
    if (!checked.success) return problem(field, key);
    numbers[setting] = checked.data;
  }
  // The three choices come from the contract's own lists (shared/server/choices.ts): typed, not checked.
  return { ok: true, value: { responder: responder.data, answerWhen: draft.answerWhen, after: draft.after, acceptMode: draft.acceptMode, ...numbers } };
}

/**
 * Loopback only: 127.0.0.0/8, ::1 (also written out in full, or as an IPv4-mapped address), and
 * the name localhost. Anything else, including 0.0.0.0 and :: (every interface), is reachable
 * from other machines.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^(0{0,4}:){2,7}0{0,3}1$/.test(h) || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The same settings, whatever the order of their keys or the arrays holding their bytes. */
export function sameSettings(a: ServerSettings, b: ServerSettings): boolean {
  return canonical(a) === canonical(b);
}

export function canonical(value: unknown): string {
  if (value instanceof Uint8Array) return `bytes:${Array.from(value).join(',')}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${k}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * The document root the server gets: null for the sample site, the whole path for a relative one
 * taken from the draft's base, undefined when it is relative and there is no base to take it from.
 */
export function staticRootOf(draft: Pick<ServerDraft, 'staticRoot' | 'staticBase'>): string | null | undefined {
  const root = draft.staticRoot.trim();
  if (root === '') return null;
  if (isAbsolutePath(root)) return root;
  return draft.staticBase === '' ? undefined : resolvePath(draft.staticBase, root);
}

/** The responder as the form has it, trimmed where a person's stray spaces mean nothing; for the schema to judge. */
function responderInput(draft: ServerDraft): unknown {
  switch (draft.responder) {
    case 'canned':
      return { kind: 'canned', bytes: responseBytes({ text: draft.cannedText, body: draft.cannedBody }) };
    case 'static': {
      const text = draft.staticNotFoundText;
      return { kind: 'static', root: staticRootOf(draft) ?? null, ...(text === '' ? {} : { notFoundText: text }) };
    }
    case 'echo':
      return { kind: 'echo' };
    case 'routes':
      return {
        kind: 'routes',
        routes: draft.routes.map((r) => ({
          method: r.method.trim(),
          path: r.path.trim(),
          response:
            r.kind === 'bytes'
              ? { kind: 'bytes', bytes: escapedTextToBytes(r.text) }
              : r.kind === 'file'
                ? { kind: 'file', path: r.file.trim(), contentType: r.contentType.trim() }
                : { kind: 'echo_page' },
        })),
      };
  }
}

/**
 * The field and sentence for the responder schema's first issue. Too many routes comes first, as
 * it would be read first; then zod's own order, which is the schema's (route by route: method,
 * path, file, Content-Type), the order of the table's fields. A route's bytes and the canned bytes
 * are any bytes, so the static root is what is left: its path may be too long.
 */
function responderProblem(issues: readonly { path: readonly PropertyKey[] }[]): DraftProblem {
  const first = issues.find((i) => i.path.length === 1 && i.path[0] === 'routes') ?? issues[0];
  const [where, index, part, inner] = first?.path ?? [];
  // The static responder's own fields: its 404 text may be too long, and what is left is the root.
  if (where === 'notFoundText') return { field: 'staticNotFoundText', message: { key: 'ui.server.invalid.notFoundText', params: {} } };
  if (where !== 'routes') return { field: 'staticRoot', message: { key: 'ui.server.invalid.staticRoot', params: {} } };
  if (typeof index !== 'number') return { field: 'route0', message: { key: 'ui.server.invalid.tooManyRoutes', params: {} } };
  const key =
    part === 'method'
      ? 'ui.server.invalid.routeMethod'
      : part === 'path'
        ? 'ui.server.invalid.routePath'
        : inner === 'path'
          ? 'ui.server.invalid.routeFile'
          : 'ui.server.invalid.routeContentType';
  return { field: `route${index}`, message: { key, params: { n: index + 1 } } };
}

/** The form's fields for a responder (a preset's, a server's), keeping the form's document when it already sends those bytes. */
export function responderFields(r: ResponderConfig, previous: ServerDraft): Partial<ServerDraft> {
  switch (r.kind) {
    case 'canned': {
      // The same bytes as the form holds: keep the form's document (its file name, its escapes).
      const held = responseBytes({ text: previous.cannedText, body: previous.cannedBody });
      if (sameBytes(held, r.bytes)) return { responder: 'canned' };
      const doc = docFromBytes(r.bytes);
      return { responder: 'canned', cannedText: doc.text, cannedBody: doc.body };
    }
    case 'static':
      return { responder: 'static', staticRoot: r.root ?? '', staticNotFoundText: r.notFoundText ?? '' };
    case 'routes':
      return { responder: 'routes', routes: r.routes.map(routeDraft) };
    case 'echo':
      return { responder: 'echo' };
  }
}

function settingsFields(s: ServerSettings) {
  return {
    answerWhen: s.answerWhen,
    after: s.after,
    halfCloseWaitMs: String(s.halfCloseWaitMs),
    dripBytes: String(s.dripBytes),
    dripEveryMs: String(s.dripEveryMs),
    acceptMode: s.acceptMode,
    idleTimeoutS: msToSeconds(s.idleTimeoutMs),
    headerTimeoutS: msToSeconds(s.headerTimeoutMs),
  };
}

function problem(field: DraftField, key: Message['key'], params: Message['params'] = {}): { ok: false; problem: DraftProblem } {
  return { ok: false, problem: { field, message: { key, params } } };
}

/** Digits only: "8e3", "-1" and "1.5" are not what a person means by a count. The range is the schema's. */
function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/** "120", "0.5": seconds with up to three decimals, as whole milliseconds; the schema bounds them. */
function secondsToMs(text: string): number | null {
  const t = text.trim();
  return /^\d{1,4}(\.\d{1,3})?$/.test(t) ? Math.round(Number(t) * 1000) : null;
}

function msToSeconds(ms: number): string {
  return String(ms / 1000);
}
