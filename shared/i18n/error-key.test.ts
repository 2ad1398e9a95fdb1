import { describe, expect, it } from 'vitest';
import { createI18n } from './catalog';
import { errorSentenceKey } from './error-key';

describe('errorSentenceKey', () => {
  const { t } = createI18n();

  it('names the free port when the engine found one', () => {
    const error = { code: 'port_in_use' as const, params: { host: '127.0.0.1', port: 9000, suggestion: 9001 } };
    expect(errorSentenceKey(error)).toBe('errors.port_in_use');
    expect(t(errorSentenceKey(error), error.params)).toContain('such as 9001');
  });

  it('does not suggest port 0 as if it were a port like any other', () => {
    const error = { code: 'port_in_use' as const, params: { host: '127.0.0.1', port: 9000, suggestion: 0 } };
    const sentence = t(errorSentenceKey(error), error.params);
    expect(sentence).toContain('Port 9000');
    expect(sentence).not.toContain('such as 0');
  });

  it('is errors.<code> for every other code', () => {
    expect(errorSentenceKey({ code: 'conn_refused', params: { host: '127.0.0.1', port: 9 } })).toBe('errors.conn_refused');
  });
});
