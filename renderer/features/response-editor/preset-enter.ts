// What Enter should insert after a preset is loaded: the line ending the preset itself uses. A
// bare-LF preset (lesson L2's) made the next line the learner typed a CR LF one, and the response
// then mixed both without anyone choosing it (issue 17).
import type { EnterInserts } from '../../../shared/contract/app-settings';
import { escapedTextToBytes } from '../../lib/escaped-text';

const CR = 0x0d;
const LF = 0x0a;

/** The ending of the document's first line (`text` as the editor holds it), or null when it has no line break. */
export function enterOfDoc(text: string): EnterInserts | null {
  const bytes = escapedTextToBytes(text);
  const lf = bytes.indexOf(LF);
  if (lf < 0) return null;
  return lf > 0 && bytes[lf - 1] === CR ? 'crlf' : 'lf';
}
