// Which catalog sentence explains an error. Usually `errors.<code>`; a few codes read differently
// depending on their params (a port in use with no free port found nearby has nothing to suggest),
// and a param that is itself a code (not_writable's state) picks a sentence of its own rather than
// showing the code: each language then words every case whole.
// The renderer and the CLI both ask here, so they never word the same error two ways.
//
// errorCatalog() checks a language's sentences at compile time: each `errors.<code>` sentence
// interpolates exactly its code's params (shared/contract/errors.ts), a variant a subset of them, so a
// renamed param or a forgotten placeholder fails `npm run typecheck`, in every language.
import type { ErrorInfo } from '../contract/contract';
import type { ErrorCode, ErrorParams } from '../contract/errors';

/** Sentences that stand in for a code's own in some cases, and the code whose params they may use. */
interface Variants {
  port_in_use_no_suggestion: 'port_in_use';
  not_writable_fin_sent: 'not_writable';
  not_writable_reset: 'not_writable';
  not_writable_closed: 'not_writable';
  path_not_allowed_folder: 'path_not_allowed';
  path_not_allowed_file: 'path_not_allowed';
}
type Variant = keyof Variants;

export type ErrorSentenceName = ErrorCode | Variant;
export type ErrorSentenceKey = `errors.${ErrorSentenceName}`;

export function errorSentenceKey(error: ErrorInfo): ErrorSentenceKey {
  if (error.code === 'port_in_use' && !error.params.suggestion) return 'errors.port_in_use_no_suggestion';
  if (error.code === 'not_writable') return `errors.not_writable_${error.params.state}`;
  if (error.code === 'path_not_allowed') return `errors.path_not_allowed_${error.params.what}`;
  return `errors.${error.code}`;
}

/** The names a sentence interpolates: `{{port}}`, `{{count, number}}`, `{{- path}}`. */
type Placeholders<S extends string> = S extends `${string}{{${infer Inner}}}${infer Rest}` ? NameOf<Inner> | Placeholders<Rest> : never;
type NameOf<Inner extends string> = Inner extends `- ${infer N}` ? NameOf<N> : Inner extends `${infer N},${string}` ? N : Inner;

/** Params that choose the sentence (above) instead of appearing in it. */
interface ChoosingParams {
  not_writable: 'state';
  path_not_allowed: 'what';
}
type Chosen<C extends ErrorCode> = C extends keyof ChoosingParams ? ChoosingParams[C] : never;

// A code without params infers as Record<string, never>: it has no names.
type ParamNames<C extends ErrorCode> = string extends keyof ErrorParams<C> ? never : Exclude<Extract<keyof ErrorParams<C>, string>, Chosen<C>>;
/** Shown by the compiler where a sentence is wrong: what it should use, and what it does. */
interface PlaceholderMismatch<Expected, Found> {
  expected: Expected;
  found: Found;
}
type Exactly<S extends string, P extends string> = [Placeholders<S>] extends [P]
  ? [P] extends [Placeholders<S>]
    ? S
    : PlaceholderMismatch<P, Placeholders<S>>
  : PlaceholderMismatch<P, Placeholders<S>>;
type AtMost<S extends string, P extends string> = [Placeholders<S>] extends [P] ? S : PlaceholderMismatch<P, Placeholders<S>>;

type Checked<T extends Record<ErrorSentenceName, string>> = {
  [K in keyof T]: K extends ErrorCode
    ? Exactly<T[K], ParamNames<K>>
    : K extends Variant
      ? AtMost<T[K], ParamNames<Variants[K]>>
      : never;
};

/**
 * One language's error sentences, checked against shared/contract/errors.ts (see the top of this file).
 * Handed back as plain strings: the catalog's type is the same in every language.
 */
export function errorCatalog<const T extends Record<ErrorSentenceName, string>>(sentences: T & Checked<T>): Record<ErrorSentenceName, string> {
  return sentences;
}
