import { describe, expect, it } from 'vitest';
import { takeLanguage } from './cli-language';

describe('takeLanguage', () => {
  it('follows the locale when --lang is not given, and leaves the line as it was', () => {
    expect(takeLanguage(['serve', '--port', '0'], { LANG: 'ru_RU.UTF-8' })).toEqual({ ok: true, language: 'ru', argv: ['serve', '--port', '0'] });
    expect(takeLanguage(['serve'], {})).toMatchObject({ language: 'en' });
  });
  it('takes --lang from anywhere on the line, in both spellings, over the locale', () => {
    expect(takeLanguage(['--lang', 'zh-CN', 'serve', '-h'], { LANG: 'ru_RU.UTF-8' })).toEqual({ ok: true, language: 'zh-CN', argv: ['serve', '-h'] });
    expect(takeLanguage(['connect', 'localhost', '9', '--lang=ru'], {})).toEqual({ ok: true, language: 'ru', argv: ['connect', 'localhost', '9'] });
    expect(takeLanguage(['serve', '--lang', 'ru_RU'], {})).toMatchObject({ language: 'ru' });
  });
  it('refuses a language it has no catalog for, or none, in the locale language', () => {
    expect(takeLanguage(['serve', '--lang', 'de'], { LANG: 'ru_RU.UTF-8' })).toEqual({ ok: false, language: 'ru', value: 'de', languages: 'en, zh-CN, ru' });
    expect(takeLanguage(['serve', '--lang'], {})).toMatchObject({ ok: false, value: '' });
  });
  it('leaves what follows -- alone', () => {
    expect(takeLanguage(['annotate', '--', '--lang'], {})).toEqual({ ok: true, language: 'en', argv: ['annotate', '--', '--lang'] });
  });
});
