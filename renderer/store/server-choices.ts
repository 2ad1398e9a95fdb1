// The contract's limits on a few numbers the server form checks before sending (the engine checks
// again: shared/server-settings.ts and shared/contract.ts). Spelt out because the renderer ships no
// zod; server-choices.test.ts checks that they agree with the schemas.
export const LIMITS = {
  backlog: { min: 1, max: 4096 },
  dripBytes: { min: 1, max: 65_536 },
  dripEveryMs: { min: 1, max: 60_000 },
  timeoutMs: { min: 0, max: 3_600_000 },
  routes: 200,
} as const;
