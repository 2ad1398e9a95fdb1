import { describe, expect, it } from 'vitest';
import { catalogFor, languageFromLocaleEnv, matchLanguage, resolveChoice } from './languages';

describe('catalogFor', () => {
  it('maps tags in any spelling to our catalogs', () => {
    expect(catalogFor('ru-RU')).toBe('ru');
    expect(catalogFor('zh-Hans-CN')).toBe('zh-CN');
    expect(catalogFor('zh_TW')).toBe('zh-CN');
    expect(catalogFor('EN-gb')).toBe('en');
    expect(catalogFor('de-DE')).toBeUndefined();
  });
});

describe('matchLanguage', () => {
  it('takes the first language of the list we have', () => {
    expect(matchLanguage(['de-DE', 'ru', 'en-US'])).toBe('ru');
    expect(matchLanguage(['fr'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });
});

describe('languageFromLocaleEnv', () => {
  it('reads LC_ALL before LC_MESSAGES before LANG', () => {
    expect(languageFromLocaleEnv({ LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(languageFromLocaleEnv({ LANG: 'ru_RU.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(languageFromLocaleEnv({ LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'ru_RU.UTF-8' })).toBe('ru');
    expect(languageFromLocaleEnv({ LANG: 'zh_CN.UTF-8', LC_ALL: '' })).toBe('zh-CN');
  });
  it('reads C, POSIX, nothing and unknown locales as English', () => {
    expect(languageFromLocaleEnv({})).toBe('en');
    expect(languageFromLocaleEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(languageFromLocaleEnv({ LC_ALL: 'POSIX', LANGUAGE: 'ru' })).toBe('en');
    expect(languageFromLocaleEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
  });
  it("lets GNU's LANGUAGE list go first", () => {
    expect(languageFromLocaleEnv({ LANG: 'en_US.UTF-8', LANGUAGE: 'de:ru:en' })).toBe('ru');
    expect(languageFromLocaleEnv({ LANG: 'ru_RU.UTF-8@euro' })).toBe('ru');
  });
});

describe('resolveChoice', () => {
  it('follows the system only when asked to', () => {
    expect(resolveChoice('system', 'ru')).toBe('ru');
    expect(resolveChoice('zh-CN', 'ru')).toBe('zh-CN');
  });
});
