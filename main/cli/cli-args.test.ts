import { describe, expect, it } from 'vitest';
import { parseCommandArgs, parsePort, type OptionTable } from './cli-args';

const TABLE: OptionTable = {
  host: { type: 'string', description: 'd', example: '127.0.0.1' },
  port: { type: 'string', short: 'p', description: 'd', example: '8080' },
  json: { type: 'boolean', description: 'd' },
};

describe('parseCommandArgs', () => {
  it('reads long, short and inline forms', () => {
    expect(parseCommandArgs('web', ['--host', '0.0.0.0', '-p', '80', '--json'], TABLE)).toEqual({
      ok: true,
      values: { host: '0.0.0.0', port: '80', json: true },
      positionals: [],
    });
    expect(parseCommandArgs('web', ['--port=9000'], TABLE)).toEqual({ ok: true, values: { port: '9000' }, positionals: [] });
    expect(parseCommandArgs('web', [], TABLE)).toEqual({ ok: true, values: {}, positionals: [] });
  });

  it('names each mistake with a catalog key and the offending text', () => {
    expect(parseCommandArgs('web', ['--bogus'], TABLE)).toEqual({
      ok: false,
      mistake: { key: 'cli.errors.unknownOption', params: { command: 'web', option: '--bogus' } },
    });
    expect(parseCommandArgs('web', ['-x'], TABLE)).toMatchObject({ mistake: { key: 'cli.errors.unknownOption', params: { option: '-x' } } });
    expect(parseCommandArgs('web', ['--port'], TABLE)).toEqual({
      ok: false,
      mistake: { key: 'cli.errors.missingValue', params: { option: '--port', example: '8080' } },
    });
    // An option is not a value: `--port --json` would otherwise try to listen on port "--json".
    expect(parseCommandArgs('web', ['--port', '--json'], TABLE)).toMatchObject({ mistake: { key: 'cli.errors.missingValue' } });
    expect(parseCommandArgs('web', ['--json=yes'], TABLE)).toMatchObject({ mistake: { key: 'cli.errors.unexpectedValue' } });
    expect(parseCommandArgs('web', ['extra'], TABLE)).toEqual({
      ok: false,
      mistake: { key: 'cli.errors.unexpectedArgument', params: { command: 'web', value: 'extra' } },
    });
    expect(parseCommandArgs('web', ['--toString'], TABLE)).toMatchObject({ mistake: { key: 'cli.errors.unknownOption' } });
  });
});

describe('options whose value may be left out', () => {
  const table: OptionTable = { ...TABLE, static: { type: 'string', optionalValue: true, description: 'd', example: 'DIR' } };

  it('read as true without a value, and as the value when one follows', () => {
    expect(parseCommandArgs('serve', ['--static'], table)).toEqual({ ok: true, values: { static: true }, positionals: [] });
    expect(parseCommandArgs('serve', ['--static', 'site'], table)).toEqual({ ok: true, values: { static: 'site' }, positionals: [] });
    expect(parseCommandArgs('serve', ['--static=site'], table)).toEqual({ ok: true, values: { static: 'site' }, positionals: [] });
  });

  it('never swallow the option that follows', () => {
    expect(parseCommandArgs('serve', ['--static', '--json', '-p', '80'], table)).toEqual({
      ok: true,
      values: { static: true, json: true, port: '80' },
      positionals: [],
    });
    expect(parseCommandArgs('serve', ['--static', '--', 'x'], table)).toMatchObject({ mistake: { key: 'cli.errors.unexpectedArgument' } });
  });
});

describe('arguments that are not options', () => {
  it('are kept in order, wherever they stand, up to the number the command takes', () => {
    expect(parseCommandArgs('connect', ['localhost', '--json', '8888', '-p', '1'], TABLE, 2)).toEqual({
      ok: true,
      values: { json: true, port: '1' },
      positionals: ['localhost', '8888'],
    });
    expect(parseCommandArgs('connect', ['--', '-x'], TABLE, 1)).toEqual({ ok: true, values: {}, positionals: ['-x'] });
    expect(parseCommandArgs('connect', ['a', 'b', 'c'], TABLE, 2)).toEqual({
      ok: false,
      mistake: { key: 'cli.errors.unexpectedArgument', params: { command: 'connect', value: 'c' } },
    });
  });
});

describe('parsePort', () => {
  it('accepts 0..65535 written as plain digits only', () => {
    expect(['0', '80', '9000', '65535'].map(parsePort)).toEqual([0, 80, 9000, 65535]);
    expect(['65536', '-1', '8e3', '0x50', ' 80', '', '123456', '80.0'].map(parsePort)).toEqual(Array(8).fill(null));
  });
});
