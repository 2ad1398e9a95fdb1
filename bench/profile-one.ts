// `node --cpu-prof --import tsx bench/profile-one.ts [--policy close|keep_alive] [--seconds 5]
//  [--connections 16] [--bare]`: one server under load, nothing else, so that a CPU profile
// (--cpu-prof) or a trace shows where one server's time goes, without the other contenders in it.
import { parseArgs } from 'node:util';
import { L1_HELLO_WORLD } from '../shared/server/presets';
import { startBareServer, type Policy } from './bare-server';
import { runLoad, wrkInstalled } from './load';
import { startEngineServer } from './servers';

const { values } = parseArgs({
  options: {
    policy: { type: 'string', default: 'keep_alive' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '16' },
    bare: { type: 'boolean', default: false },
  },
});
const policy: Policy = values.policy === 'close' ? 'close' : 'keep_alive';
const answer = policy === 'close' ? L1_HELLO_WORLD.bytes : withContentLength(L1_HELLO_WORLD.bytes);
const server = values.bare ? await startBareServer(answer, policy) : await startEngineServer(answer, policy);
const tool = policy === 'keep_alive' && wrkInstalled() ? 'wrk' : 'node';
const result = await runLoad(tool, { port: server.port, policy, connections: Number(values.connections), seconds: Number(values.seconds) });
console.log(`${values.bare ? 'bare' : 'ours'} ${policy}: ${Math.round(result.rate)} requests/s (${result.requests}, ${result.errors} errors)`);
await server.close();
process.exit(0);

function withContentLength(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const headEnd = text.indexOf('\r\n\r\n');
  return Buffer.from(`${text.slice(0, headEnd)}\r\nContent-Length: ${bytes.length - (headEnd + 4)}${text.slice(headEnd)}`, 'latin1');
}
