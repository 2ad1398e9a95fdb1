// Requests a learner would otherwise type from a lesson, filled into the input to edit and send.
// They never hide bytes: each is plain text in the input, one line per line, and goes out with
// the session's chosen line ending like anything typed. Line breaks here are only separators.
// Pure, so the Content-Length arithmetic is tested on its own.
import { utf8Encode } from '../../../shared/bytes/bytes';
import { requestForUrl, type ClientTarget } from '../../../shared/client/target';

export const TEMPLATE_NAMES = ['l1', 'l2', 'get11', 'head', 'keepAlive', 'post'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface FilledTemplate {
  draft: string;
  /** Whether Enter should end the last line too: a body goes out exactly as long as it says. */
  finalEnding: boolean;
}

/** The form a POST template sends: short, readable, and with a byte count worth checking. */
export const POST_BODY = 'name=learner&lesson=L3';

/**
 * The template for this target. An empty last line stands for the blank line that ends the head
 * (RFC 9112 section 2.1): "a\nb\n" sends a, b and the blank line.
 */
export function fillTemplate(name: TemplateName, target: Pick<ClientTarget, 'host' | 'port' | 'url'> | null): FilledTemplate {
  const host = hostHeader(target);
  const path = target?.url?.path ?? '/';
  switch (name) {
    // Lesson L1's client, byte for byte: an absolute URL in the request line, HTTP/1.0, no Host.
    case 'l1':
      return { draft: 'GET http://127.0.0.1/romeo.txt HTTP/1.0\n', finalEnding: true };
    // Lesson L2, typed into telnet: HTTP/1.1 without Host (which RFC 9112 section 3.2 requires).
    case 'l2':
      return { draft: 'GET /hello HTTP/1.1\n', finalEnding: true };
    case 'get11':
      return { draft: `GET ${path} HTTP/1.1\nHost: ${host}\n`, finalEnding: true };
    case 'head':
      return { draft: `HEAD ${path} HTTP/1.1\nHost: ${host}\n`, finalEnding: true };
    case 'keepAlive':
      return { draft: `GET ${path} HTTP/1.1\nHost: ${host}\nConnection: keep-alive\n`, finalEnding: true };
    case 'post': {
      // The body is the last line and goes out without a line ending, so Content-Length is its
      // own UTF-8 length; the head's lines end with the session's ending.
      const length = utf8Encode(POST_BODY).length;
      const head = `POST ${path} HTTP/1.1\nHost: ${host}\nContent-Type: application/x-www-form-urlencoded\nContent-Length: ${length}\n`;
      return { draft: `${head}\n${POST_BODY}`, finalEnding: false };
    }
  }
}

function hostHeader(target: Pick<ClientTarget, 'host' | 'port' | 'url'> | null): string {
  if (!target) return 'localhost';
  if (target.url) return requestForUrl(target.url).hostHeader;
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return target.port === 80 ? host : `${host}:${target.port}`;
}
