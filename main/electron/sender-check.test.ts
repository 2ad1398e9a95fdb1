import { describe, expect, it } from 'vitest';
import { isOurRenderer, isTrustedSender } from './sender-check';

const FILE_RENDERER = 'file:///opt/wirebench/out/renderer/index.html';
const trusted = { webContentsId: 3, rendererUrl: FILE_RENDERER };

describe('isTrustedSender', () => {
  it('admits our window top frame showing our renderer (hash and query do not matter)', () => {
    expect(isTrustedSender({ webContentsId: 3, frameUrl: FILE_RENDERER, isMainFrame: true }, trusted)).toBe(true);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: `${FILE_RENDERER}#/conn/7`, isMainFrame: true }, trusted)).toBe(true);
  });

  it('refuses another window, a subframe, a vanished frame, and no window at all', () => {
    expect(isTrustedSender({ webContentsId: 4, frameUrl: FILE_RENDERER, isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: FILE_RENDERER, isMainFrame: false }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: undefined, isMainFrame: true }, trusted)).toBe(false);
    expect(isTrustedSender({ webContentsId: 3, frameUrl: FILE_RENDERER, isMainFrame: true }, null)).toBe(false);
  });

  it('refuses our window once it shows anything else', () => {
    for (const url of [
      'file:///opt/wirebench/out/renderer/other.html',
      'file:///etc/passwd',
      'https://evil.example/index.html',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedSender({ webContentsId: 3, frameUrl: url, isMainFrame: true }, trusted), url).toBe(false);
    }
  });
});

describe('isOurRenderer with the dev server', () => {
  const dev = 'http://localhost:5173/';
  it('admits any page of the dev server origin, nothing else', () => {
    expect(isOurRenderer('http://localhost:5173/', dev)).toBe(true);
    expect(isOurRenderer('http://localhost:5173/index.html?x=1', dev)).toBe(true);
    expect(isOurRenderer('http://localhost:5174/', dev)).toBe(false);
    expect(isOurRenderer('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isOurRenderer('file:///opt/wirebench/out/renderer/index.html', dev)).toBe(false);
  });
});

describe('isOurRenderer with the app:// scheme (the built app)', () => {
  it('admits app://wirebench/index.html only', () => {
    const app = 'app://wirebench/index.html';
    expect(isOurRenderer('app://wirebench/index.html#/x', app)).toBe(true);
    expect(isOurRenderer('app://wirebench/index.html?x=1', app)).toBe(true);
    expect(isOurRenderer('app://evil/index.html', app)).toBe(false);
    expect(isOurRenderer('app://wirebench/other.html', app)).toBe(false);
    expect(isOurRenderer('file:///opt/wirebench/out/renderer/index.html', app)).toBe(false);
    expect(isOurRenderer('https://wirebench/index.html', app)).toBe(false);
  });
});
