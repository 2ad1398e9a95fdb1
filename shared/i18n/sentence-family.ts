// The shape of a catalog section that has one sentence per code (notes, problems), for the type
// checker: each code has its sentence, or, for a code that counts something, its plural family
// instead (i18next picks `_one`, `_few`, ... by `count`, with the forms the language has).

/** The plural forms each catalog writes (Intl.PluralRules' categories for integers and fractions). */
export type EnForm = 'one' | 'other';
export type RuForm = 'one' | 'few' | 'many' | 'other';
export type ZhForm = 'other';

/** A sentence per code; the codes in `Plural` as plural families in the language's `Form`s. */
export type CodeSentences<Code extends string, Plural extends Code, Form extends string> = Record<Exclude<Code, Plural>, string> &
  Record<`${Plural}_${Form}`, string>;

/** Words for each of a set of codes, in plural families. */
export type PluralWords<Code extends string, Form extends string> = Record<`${Code}_${Form}`, string>;
