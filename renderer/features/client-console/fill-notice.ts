// What the console says after it fills in a request (a template, or a URL's request).
import type { Message } from '../../store/message';

/**
 * What a filled template says: a change of "End the last line too" is named, never made silently
 * (the checkbox is easy to miss, and it decides whether the request's last line ends).
 */
export function fillNotice(before: boolean, after: boolean): Message {
  if (before === after) return { key: 'ui.client.templateFilled', params: {} };
  return { key: after ? 'ui.client.templateFilledEndingOn' : 'ui.client.templateFilledEndingOff', params: {} };
}
