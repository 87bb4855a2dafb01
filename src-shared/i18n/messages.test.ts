import { describe, expect, it } from 'vitest';
import { en, translate, zhCN, type MessageKey } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'key.status.inserted', { count: 2 })).toBe('已插入 2 个 CA 数字证书');
    expect(translate('en', 'key.status.inserted')).toBe('{count} CA key(s) inserted');
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(zhCN[key]));
    }
  });

  it('has no Chinese left in the English catalog, except enterprise-facing proper names', () => {
    const allowed = new Set<MessageKey>(['language.switch']);
    for (const key of Object.keys(en) as MessageKey[]) {
      if (!allowed.has(key)) expect(en[key], key).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
