// The sample document root's files that presets use as bodies, bundled into the renderer (inlined
// as data, so the page needs no file access and no request: Electron loads it from disk, where
// fetch() has no file:// scheme). The engine reads the same files from app/docroot.
import testJpg from '../../../app/docroot/test.jpg?inline';
import { base64ToBytes } from '../../../shared/contract/wire-codec';

const SAMPLES = { 'test.jpg': testJpg } as const;

export function sampleFileBytes(name: keyof typeof SAMPLES): Uint8Array {
  const url = SAMPLES[name];
  return base64ToBytes(url.slice(url.indexOf(',') + 1));
}
