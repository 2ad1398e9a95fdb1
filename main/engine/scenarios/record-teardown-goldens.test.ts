// Re-records the teardown golden files (shared/teardown/fixtures/*.md) from real runs: each of the
// seven scenarios (our server and our client over loopback), and our client against lessons L1's
// and L2's own Python servers, with the kernel's states read (Linux). Each file gets the journals
// of its run and what today's model makes of them; read the diff by hand before committing it, since
// the golden test (shared/teardown/ladder-golden.test.ts) then holds the model to those words.
//   WIREBENCH_RECORD_GOLDENS=1 npx vitest run main/engine/scenarios/record-teardown-goldens.test.ts
import { writeFileSync } from 'node:fs';
import { afterEach, describe, it } from 'vitest';
import type { JournalEvent } from '../../../shared/contract/contract';
import { buildLadder } from '../../../shared/teardown/ladder-model';
import { journalBlock, renderArrows, renderSteps } from '../../../shared/teardown/testing/ladder-golden';
import { TEARDOWN_SCENARIOS, type TeardownScenario } from '../../../shared/teardown/tcp-states';
import { ascii, EngineProbe } from '../../host/testing/engine-probe';
import { L1_SERVER, L2_SERVER, startPythonServer } from '../testing/peers';
import { play } from '../../host/testing/scenario-journals';

const RECORD = process.env.WIREBENCH_RECORD_GOLDENS === '1' && process.platform === 'linux';
const DIR = new URL('../../../shared/teardown/fixtures/', import.meta.url);

let probe: EngineProbe | null = null;
afterEach(async () => {
  await probe?.engine.close();
  probe = null;
});

const ABOUT: Record<TeardownScenario | 'l1-python-server' | 'l2-python-server', string> = {
  server_closes_first: 'Scenario "Server closes first" (lesson L1 played by our own server): the server answers, shuts down its write side (FIN), and the client reads to EOF, waits 100 ms and closes. Both ends are ours.',
  client_half_closes_first: 'Scenario "Client half-closes first": the client sends its request and its FIN at once; the server answers on that FIN and closes. Both ends are ours.',
  keep_alive_client_closes: 'Scenario "Keep-alive, client closes": two requests on one connection, then the client half-closes and the server follows. Both ends are ours.',
  server_resets: 'Scenario "Server resets": the server answers, then aborts with RST; the client closes afterwards (a local event: nothing more goes on the wire). Both ends are ours.',
  client_resets_mid_response: 'Scenario "Client resets mid-answer": the server drips its answer 16 bytes at a time; the client resets after the first piece. Both ends are ours.',
  server_hangs_client_times_out: 'Scenario "Server hangs, client gives up": the server never answers; the client waits 1.5 s, gives up and closes. Both ends are ours.',
  both_close_at_once: 'Scenario "Both close at once": both sides shut down their write side in the same tick. Both ends are ours.',
  'l1-python-server':
    "Our client against lesson L1's Python server, which sendall()s its answer, shutdown(SHUT_WR)s, reads until our FIN, then close()s. Only the client's journal is ours: the server's lane is inferred.",
  'l2-python-server':
    "Our client against lesson L2's Python server, which answers with bare LFs and close()s at once. The client types one more line after the answer; the server's kernel answers it with RST. Only the client's journal is ours.",
};

function write(name: keyof typeof ABOUT, journals: readonly (readonly JournalEvent[])[]): void {
  const model = buildLadder(journals[0] ?? [], journals[1] ?? null);
  if (!model) throw new Error(`${name}: no model`);
  const text = [
    `# ${name}`,
    '',
    ABOUT[name],
    '',
    `Recorded from a real run on ${new Date().toISOString().slice(0, 10)} by main/engine/scenarios/record-teardown-goldens.test.ts; the format: README.md.`,
    '',
    '## Journals',
    '',
    ...journals.flatMap((j) => ['```journal', journalBlock(j), '```', '']),
    '## Arrows',
    '',
    '```arrows',
    renderArrows(model),
    '```',
    '',
    '## Steps',
    '',
    '```steps',
    renderSteps(model),
    '```',
    '',
  ].join('\n');
  writeFileSync(new URL(`${name}.md`, DIR), text);
}

/** Our client's journal once it has closed and the kernel's last reading is in (CLOSED or TIME_WAIT). */
async function settled(p: EngineProbe, connId: string): Promise<JournalEvent[]> {
  return p.waitFor(`${connId} settled`, async () => {
    const events = await p.events(connId);
    const last = events.findLast((e) => e.kind === 'tcp_state');
    return events.some((e) => e.kind === 'closed') && last?.kind === 'tcp_state' && (last.state === 'CLOSED' || last.state === 'TIME_WAIT') && events;
  });
}

describe.skipIf(!RECORD)('record the teardown golden files (WIREBENCH_RECORD_GOLDENS=1, Linux)', () => {
  for (const scenario of TEARDOWN_SCENARIOS) {
    it(scenario, async () => {
      probe = new EngineProbe({ kernelStates: true });
      const { client, server } = await play(probe, scenario, true);
      write(scenario, [client, server]);
    });
  }

  it('l1-python-server', async () => {
    const p = (probe = new EngineProbe({ kernelStates: true }));
    const server = await startPythonServer(L1_SERVER);
    const { connId } = await p.call('client.connect', { host: '127.0.0.1', port: server.port });
    await p.call('client.send', { connId, bytes: ascii('GET http://127.0.0.1/romeo.txt HTTP/1.0\r\n\r\n') });
    await p.waitForKind(connId, 'peer_fin');
    // The lesson's client prints what it read, then closes: a moment the kernel can show.
    await new Promise((r) => setTimeout(r, 100));
    await p.call('client.close', { connId });
    await server.done;
    write('l1-python-server', [await settled(p, connId)]);
  });

  it('l2-python-server', async () => {
    const p = (probe = new EngineProbe({ kernelStates: true }));
    const server = await startPythonServer(L2_SERVER, ['127.0.0.1']);
    const { connId } = await p.call('client.connect', { host: '127.0.0.1', port: server.port });
    await p.call('client.send', { connId, bytes: ascii('GET /hello HTTP/1.1\r\n') });
    await p.waitForKind(connId, 'peer_fin');
    await server.done;
    // One more line typed after the answer, to a socket the server has closed: its kernel answers RST.
    await p.call('client.send', { connId, bytes: ascii('Host: localhost\r\n') }).catch(() => undefined);
    await p.waitFor('the RST', async () => {
      const events = await p.events(connId);
      return events.some((e) => e.kind === 'rst_received' || (e.kind === 'tcp_state' && e.state === 'CLOSED') || e.kind === 'error');
    });
    await p.call('client.close', { connId }).catch(() => undefined);
    write('l2-python-server', [await settled(p, connId)]);
  });
});
