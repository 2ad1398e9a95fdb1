import { describe, expect, it } from 'vitest';
import { encodeLines } from '../../../shared/client/typed-input';
import { fillTemplate, POST_BODY, TEMPLATE_NAMES } from './request-templates';

const sent = (draft: string, finalEnding: boolean): string => {
  const encoded = encodeLines(draft, 'crlf', finalEnding);
  if (!encoded.ok) throw new Error('template does not encode');
  return new TextDecoder().decode(encoded.bytes);
};

describe('fillTemplate', () => {
  it("sends lesson L1's request byte for byte, blank line included", () => {
    const { draft, finalEnding } = fillTemplate('l1', null);
    expect(sent(draft, finalEnding)).toBe('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n');
  });

  it('names the target in Host, with the port unless it is 80, and takes a URL’s path', () => {
    const t = { host: 'localhost', port: 8888, url: null };
    expect(sent(fillTemplate('get11', t).draft, true)).toBe('GET / HTTP/1.1\r\nHost: localhost:8888\r\n\r\n');
    expect(fillTemplate('head', { host: '::1', port: 80, url: null }).draft).toContain('Host: [::1]\n');
    const url = { host: 'localhost', port: 8888, url: { scheme: 'http', host: 'localhost', explicitPort: 8888, path: '/hello' } };
    expect(fillTemplate('get11', url).draft.split('\n')[0]).toBe('GET /hello HTTP/1.1');
  });

  it('a POST whose Content-Length is exactly what follows the blank line', () => {
    const { draft, finalEnding } = fillTemplate('post', { host: '127.0.0.1', port: 9000, url: null });
    expect(finalEnding).toBe(false);
    const bytes = sent(draft, finalEnding);
    const [head, body] = bytes.split('\r\n\r\n');
    expect(body).toBe(POST_BODY);
    expect(head).toContain(`Content-Length: ${new TextEncoder().encode(body).length}`);
  });

  it('every template ends its head with a blank line', () => {
    for (const name of TEMPLATE_NAMES) {
      const { draft, finalEnding } = fillTemplate(name, { host: 'h', port: 1, url: null });
      expect(sent(draft, finalEnding), name).toContain('\r\n\r\n');
    }
  });
});
