import { describe, expect, it } from 'vitest';
import { isAbsolutePath, resolvePath } from './resolve-path';

describe('resolvePath', () => {
  it('takes a relative path from a POSIX folder, working out . and ..', () => {
    expect(resolvePath('/srv/app/docroot', './html')).toBe('/srv/app/docroot/html');
    expect(resolvePath('/srv/app/docroot/', 'html/')).toBe('/srv/app/docroot/html');
    expect(resolvePath('/srv/app/docroot', '../site/./a')).toBe('/srv/app/site/a');
    expect(resolvePath('/srv', '../../..')).toBe('/');
    expect(resolvePath('/srv/app', '.')).toBe('/srv/app');
  });

  it('takes one from a Windows folder, with either slash, never above the drive or the share', () => {
    expect(resolvePath('C:\\Users\\you', '.\\html')).toBe('C:\\Users\\you\\html');
    expect(resolvePath('C:/Users/you', '../site/html')).toBe('C:\\Users\\site\\html');
    expect(resolvePath('D:\\', '..\\..\\x')).toBe('D:\\x');
    expect(resolvePath('\\\\server\\share\\web', '..\\..\\html')).toBe('\\\\server\\share\\html');
  });

  it('leaves an absolute path as it is', () => {
    expect(resolvePath('/srv', '/etc/site')).toBe('/etc/site');
    expect(resolvePath('C:\\x', 'D:\\site')).toBe('D:\\site');
  });

  it('knows absolute paths on both systems', () => {
    for (const p of ['/', '/a', 'C:\\a', 'c:/a', '\\\\server\\share']) expect(isAbsolutePath(p), p).toBe(true);
    for (const p of ['html', './html', '../html', 'C:html', '~/site', '']) expect(isAbsolutePath(p), p).toBe(false);
  });
});
