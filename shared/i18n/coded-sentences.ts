// Notes and problems cross the contract as a code with params, and a few params are codes too (why a
// request is invalid, which responder answered, what kind of record was not kept). Shown as they
// are, those would be English (or snake_case) in every language, so they are worded here from the
// catalog: the params stay codes everywhere else, and only the sentence carries words. Here too an
// amount that decides a plural form goes in as `count`, beside its own name. The renderer and the
// CLI both ask here, so they never say the same note two ways.
import type { NoteCode } from '../contract/notes';
import type { ProblemCode } from '../http/annotate/annotation';

/**
 * Any `t`: the renderer's (typed keys) and the CLI's (string keys) alike. The keys made here are
 * code-built, so the catalogs are checked for them by coded-sentences.test.ts instead.
 */
export type AnyTranslate = (key: never, params?: Record<string, unknown>) => string;

type Params = Readonly<Record<string, string | number>>;

/** The note's sentence in t's language. */
export function noteSentence(t: AnyTranslate, code: NoteCode, params: Params): string {
  return say(t, keyFor('notes.', code), noteParams(t, code, params));
}

/** The problem's sentence in t's language. */
export function problemSentence(t: AnyTranslate, code: ProblemCode, params: Params): string {
  return say(t, `problems.${code}`, problemParams(t, code, params));
}

function noteParams(t: AnyTranslate, code: NoteCode, params: Params): Record<string, unknown> {
  switch (code) {
    case 'request_invalid':
      return { ...params, reason: say(t, `notes.invalidReasons.${params.reason}`) };
    case 'keep_alive_declined':
      return { ...params, reason: say(t, `notes.declinedReasons.${params.reason}`) };
    case 'answered':
      return { ...params, responder: say(t, keyFor('notes.responders.', params.responder)) };
    case 'request_complete':
      return { ...params, count: params.length };
    case 'drip_started':
      return { ...params, count: params.bytes };
    case 'file_too_large':
      return { ...params, count: params.size };
    default:
      return params;
  }
}

function problemParams(t: AnyTranslate, code: ProblemCode, params: Params): Record<string, unknown> {
  switch (code) {
    case 'records_not_kept':
      return { ...params, records: say(t, `problems.records.${params.kind}`, { count: params.total }) };
    case 'content_length_short':
    case 'bytes_after_body':
      return { ...params, count: params.declared };
    default:
      return params;
  }
}

/**
 * `prefix + code`, made once per pair: `wirebench serve` says a note per request, thousands a second,
 * and a key made anew each time is a new string to hash for every lookup (issue 19).
 */
const keys = new Map<string, Map<string | number, string>>();
function keyFor(prefix: string, code: string | number | undefined): string {
  let byCode = keys.get(prefix);
  if (byCode === undefined) keys.set(prefix, (byCode = new Map<string | number, string>()));
  let key = byCode.get(code ?? 'undefined');
  if (key === undefined) byCode.set(code ?? 'undefined', (key = `${prefix}${code}`));
  return key;
}

function say(t: AnyTranslate, key: string, params?: Record<string, unknown>): string {
  return t(key as never, params);
}
