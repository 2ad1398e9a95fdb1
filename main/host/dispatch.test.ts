// The door every command passes through: errors come back typed, by code with exactly its params,
// and a bug in a handler is `internal` (named by its command), never an OS error or a rejection.
import { describe, expect, it } from 'vitest';
import { ErrorInfo } from '../../shared/contract/contract';
import { CommandError } from '../engine/command-error';
import { createDispatch, type CommandHandlers } from './dispatch';

function dispatchWith(handler: () => Promise<unknown>, seen: unknown[] = []) {
  const handlers = { 'app.info': handler } as unknown as CommandHandlers;
  return createDispatch(handlers, (err) => seen.push(err));
}

describe('createDispatch', () => {
  it('a CommandError comes back as its code and params', async () => {
    const dispatch = dispatchWith(() => Promise.reject(new CommandError('unknown_server', { serverId: 's9' })));
    const result = await dispatch('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'unknown_server', params: { serverId: 's9' } } });
    if (!result.ok) expect(ErrorInfo.safeParse(result.error).success).toBe(true);
  });

  it('anything else thrown is internal, named by its command, and reported to the host', async () => {
    const seen: unknown[] = [];
    const bug = new TypeError('x is not a function');
    const result = await dispatchWith(() => Promise.reject(bug), seen)('app.info', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', params: { command: 'app.info' } } });
    expect(seen).toEqual([bug]);
  });

  it('an unknown name and bad input are answered with their codes and params', async () => {
    const dispatch = dispatchWith(() => Promise.resolve({}));
    expect(await dispatch('no.such', {})).toEqual({ ok: false, error: { code: 'unknown_command', params: { name: 'no.such' } } });
    const bad = await dispatch('app.info', { extra: 1 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_input', params: { command: 'app.info' } } });
    if (!bad.ok) expect(ErrorInfo.safeParse(bad.error).success).toBe(true);
  });

  it('the contract’s ErrorInfo refuses an error whose params are not its code’s', () => {
    expect(ErrorInfo.safeParse({ code: 'conn_refused', params: { host: 'a', port: 80 } }).success).toBe(true);
    expect(ErrorInfo.safeParse({ code: 'conn_refused', params: { connId: 'c1' } }).success).toBe(false);
    expect(ErrorInfo.safeParse({ code: 'no_such_code', params: {} }).success).toBe(false);
  });
});
