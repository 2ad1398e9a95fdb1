// The server form as typed: every field as the person left it (numbers as text, so a half-typed
// one is not an error yet), each responder's own fields kept while another is chosen, so switching
// back and forth loses nothing. Turned into the contract's settings only when used, with the first
// problem found named by field and said as a sentence.
import type { ServerInfo } from '../../shared/contract';
import type {
  AcceptMode,
  AfterAnswer,
  AnswerWhen,
  ResponderConfig,
  ResponderKind,
  Route,
  ServerSettings,
} from '../../shared/server-settings';
import { parseHost, parsePort } from '../lib/endpoint-input';
import type { FileBody } from '../../shared/app-settings';
import { sameBytes } from '../../shared/bytes';
import { bytesToEscapedText, escapedTextToBytes } from '../lib/escaped-text';
import { docFromBytes, docText, responseBytes } from '../lib/response-doc';
import type { Message } from './message';
import { DEFAULT_LISTEN, DEFAULT_SERVER_SETTINGS } from '../../shared/server-choices';
import { LIMITS } from './server-choices';

export interface RouteDraft {
  method: string;
  path: string;
  kind: 'bytes' | 'file';
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
  /** Empty: the sample site shipped with the app. */
  staticRoot: string;
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
  return r.kind === 'bytes'
    ? { method: route.method, path: route.path, kind: 'bytes', text: bytesToEscapedText(r.bytes), file: '', contentType: '' }
    : { method: route.method, path: route.path, kind: 'file', text: '', file: r.path, contentType: r.contentType };
}

export function checkListen(draft: ServerDraft): Checked<Listen> {
  const host = parseHost(draft.host);
  if (host === null) return problem('host', 'ui.form.badHost');
  // Port 0 is allowed: the system picks a free port, which the list then shows.
  const port = parsePort(draft.port, 0);
  if (port === null) return problem('port', 'ui.form.badPort', { min: 0 });
  const backlog = wholeNumber(draft.backlog, LIMITS.backlog);
  if (backlog === null) return problem('backlog', 'ui.server.invalid.backlog');
  // The checkbox is shown, and counts, only for a host beyond loopback.
  return { ok: true, value: { host, port, backlog, exposeToNetwork: draft.expose && !isLoopbackHost(host) } };
}

export function checkSettings(draft: ServerDraft): Checked<ServerSettings> {
  const responder = checkResponder(draft);
  if (!responder.ok) return responder;
  const halfCloseWaitMs = wholeNumber(draft.halfCloseWaitMs, LIMITS.timeoutMs);
  if (halfCloseWaitMs === null) return problem('halfCloseWaitMs', 'ui.server.invalid.halfCloseWaitMs');
  const dripBytes = wholeNumber(draft.dripBytes, LIMITS.dripBytes);
  if (dripBytes === null) return problem('dripBytes', 'ui.server.invalid.dripBytes');
  const dripEveryMs = wholeNumber(draft.dripEveryMs, LIMITS.dripEveryMs);
  if (dripEveryMs === null) return problem('dripEveryMs', 'ui.server.invalid.dripEveryMs');
  const idleTimeoutMs = secondsToMs(draft.idleTimeoutS);
  if (idleTimeoutMs === null) return problem('idleTimeoutS', 'ui.server.invalid.idleTimeout');
  const headerTimeoutMs = secondsToMs(draft.headerTimeoutS);
  if (headerTimeoutMs === null) return problem('headerTimeoutS', 'ui.server.invalid.headerTimeout');
  return {
    ok: true,
    value: {
      responder: responder.value,
      answerWhen: draft.answerWhen,
      after: draft.after,
      halfCloseWaitMs,
      dripBytes,
      dripEveryMs,
      acceptMode: draft.acceptMode,
      idleTimeoutMs,
      headerTimeoutMs,
    },
  };
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

function checkResponder(draft: ServerDraft): Checked<ResponderConfig> {
  switch (draft.responder) {
    case 'canned':
      return { ok: true, value: { kind: 'canned', bytes: responseBytes({ text: draft.cannedText, body: draft.cannedBody }) } };
    case 'static': {
      const root = draft.staticRoot.trim();
      return { ok: true, value: { kind: 'static', root: root === '' ? null : root } };
    }
    case 'echo':
      return { ok: true, value: { kind: 'echo' } };
    case 'routes': {
      if (draft.routes.length > LIMITS.routes) return problem('route0', 'ui.server.invalid.tooManyRoutes');
      const routes: Route[] = [];
      for (const [i, r] of draft.routes.entries()) {
        const checked = checkRoute(r, i);
        if (!checked.ok) return checked;
        routes.push(checked.value);
      }
      return { ok: true, value: { kind: 'routes', routes } };
    }
  }
}

function checkRoute(r: RouteDraft, index: number): Checked<Route> {
  const field: DraftField = `route${index}`;
  const n = { n: index + 1 };
  const method = r.method.trim();
  if (!/^(\*|[A-Z]{1,20})$/.test(method)) return problem(field, 'ui.server.invalid.routeMethod', n);
  const path = r.path.trim();
  if (!path.startsWith('/') || path.length > 2048) return problem(field, 'ui.server.invalid.routePath', n);
  if (r.kind === 'bytes') return { ok: true, value: { method, path, response: { kind: 'bytes', bytes: escapedTextToBytes(r.text) } } };
  const file = r.file.trim();
  if (file === '') return problem(field, 'ui.server.invalid.routeFile', n);
  const contentType = r.contentType.trim();
  if (!/^[\x21-\x7e][\x20-\x7e]{0,199}$/.test(contentType)) return problem(field, 'ui.server.invalid.routeContentType', n);
  return { ok: true, value: { method, path, response: { kind: 'file', path: file, contentType } } };
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
      return { responder: 'static', staticRoot: r.root ?? '' };
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

/** Digits only, in range: "8e3", "-1" and "1.5" are not what a person means by a count. */
function wholeNumber(text: string, range: { min: number; max: number }): number | null {
  const t = text.trim();
  if (!/^\d{1,9}$/.test(t)) return null;
  const n = Number(t);
  return n >= range.min && n <= range.max ? n : null;
}

/** "120", "0.5": seconds with up to three decimals, as whole milliseconds within the contract's hour. */
function secondsToMs(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(t)) return null;
  const ms = Math.round(Number(t) * 1000);
  return ms <= LIMITS.timeoutMs.max ? ms : null;
}

function msToSeconds(ms: number): string {
  return String(ms / 1000);
}
