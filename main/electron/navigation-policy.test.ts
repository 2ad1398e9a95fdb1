import { describe, expect, it } from 'vitest';
import { lessonBrowserUrl, LESSONS } from '../../shared/lessons/lessons';
import { externalLinkTarget, isSameDocument } from './navigation-policy';

describe('isSameDocument', () => {
  it('allows only a change of fragment', () => {
    const page = 'file:///app/out/renderer/index.html';
    expect(isSameDocument(page, `${page}#/server`)).toBe(true);
    expect(isSameDocument(`${page}#a`, `${page}#b`)).toBe(true);
    expect(isSameDocument(page, 'file:///app/out/renderer/other.html')).toBe(false);
    expect(isSameDocument(page, `${page}?x=1`)).toBe(false);
    expect(isSameDocument(page, 'https://evil.example/')).toBe(false);
    expect(isSameDocument('', page)).toBe(false);
  });
});

describe('externalLinkTarget', () => {
  it('hands plain http(s) links to the system browser, and nothing else', () => {
    expect(externalLinkTarget('http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000/');
    expect(externalLinkTarget('https://www.rfc-editor.org/rfc/rfc9112')).toBe('https://www.rfc-editor.org/rfc/rfc9112');
    expect(externalLinkTarget('file:///etc/passwd')).toBeNull();
    expect(externalLinkTarget('javascript:alert(1)')).toBeNull();
    expect(externalLinkTarget('smb://host/share')).toBeNull();
    expect(externalLinkTarget('https://user:pw@example.org/')).toBeNull();
    expect(externalLinkTarget('nonsense')).toBeNull();
  });
});

describe("the Lessons panel's 'Open in your browser'", () => {
  it('is a loopback http link the window hands to the system browser, for every lesson a browser can follow', () => {
    const browsable = LESSONS.filter((l) => l.browser);
    expect(browsable.length).toBeGreaterThan(0);
    for (const lesson of browsable) {
      const url = lessonBrowserUrl(lesson.server.port);
      expect(url).toBe(`http://127.0.0.1:${lesson.server.port}/`);
      expect(externalLinkTarget(url)).toBe(url);
    }
  });
});
