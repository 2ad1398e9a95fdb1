import { describe, expect, it } from 'vitest';
import { Backlog } from '../../shared/contract/contract';
import { L3_ROUTES } from '../../shared/server/presets';
import { RESPONDER_KINDS } from '../../shared/server/choices';
import { DEFAULT_SERVER_SETTINGS } from '../../shared/server/defaults';
import { ResponderConfig, Route, ServerSettings } from '../../shared/server/settings';
import { LIMITS } from './test-data';

describe('the server choices the renderer offers', () => {
  it('lists exactly the contract’s responders', () => {
    expect(RESPONDER_KINDS).toEqual(ResponderConfig.options.map((o) => o.shape.kind.value));
  });

  it('starts from defaults the contract accepts', () => {
    expect(ServerSettings.safeParse(DEFAULT_SERVER_SETTINGS).success).toBe(true);
  });

  it('checks numbers against the contract’s own limits', () => {
    const at = (patch: Partial<ServerSettings>): boolean =>
      ServerSettings.safeParse({ ...DEFAULT_SERVER_SETTINGS, ...patch }).success;
    expect(at({ dripBytes: LIMITS.dripBytes.max })).toBe(true);
    expect(at({ dripBytes: LIMITS.dripBytes.max + 1 })).toBe(false);
    expect(at({ dripEveryMs: LIMITS.dripEveryMs.max + 1 })).toBe(false);
    expect(at({ idleTimeoutMs: LIMITS.timeoutMs.max + 1 })).toBe(false);
    expect(Backlog.safeParse(LIMITS.backlog.max).success).toBe(true);
    expect(Backlog.safeParse(LIMITS.backlog.max + 1).success).toBe(false);
  });

  it('has lesson L3’s routes in the contract’s shape', () => {
    for (const route of L3_ROUTES) expect(Route.safeParse(route).success).toBe(true);
  });
});
