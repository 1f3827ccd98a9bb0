import { describe, expect, it, vi } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { remembered } from '../../src/i18n/remembered.ts';
import en from '../../src/i18n/en.json';
import zh from '../../src/i18n/zh.json';

describe('remembered t', () => {
  it('answers as t does, asking t once per key and options', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { zh: { translation: zh }, en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
    const enT = i18n.getFixedT('en');
    const spy = vi.fn(((key: string, options?: object) => enT(key, options as never)) as unknown as TFunction);
    const t = spy as unknown as TFunction;
    expect(remembered(t, 'stage.complete')).toBe(enT('stage.complete'));
    expect(remembered(t, 'stage.title', { verb: '建成', stage: 'complete' })).toBe(enT('stage.title', { verb: '建成', stage: 'complete' }));
    expect(remembered(t, 'relation.crossesKm', { km: 12 })).toBe(enT('relation.crossesKm', { km: 12 }));
    for (let i = 0; i < 5; i++) {
      remembered(t, 'stage.complete');
      remembered(t, 'stage.title', { verb: '建成', stage: 'complete' });
    }
    expect(spy).toHaveBeenCalledTimes(3);
    // Other options are another answer.
    expect(remembered(t, 'relation.crossesKm', { km: 3.5 })).toBe(enT('relation.crossesKm', { km: 3.5 }));
    expect(spy).toHaveBeenCalledTimes(4);
    // Another t (another language) has its own memory.
    const zhT = i18n.getFixedT('zh');
    expect(remembered(zhT, 'stage.complete')).toBe(zhT('stage.complete'));
    expect(remembered(zhT, 'stage.complete')).not.toBe(remembered(t, 'stage.complete'));
  });
});
