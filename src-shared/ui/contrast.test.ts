import { expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { flatten } from './palette-check';

it('computes WCAG contrast ratios (black on white is 21, a colour on itself 1, the order does not matter)', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrastRatio('#1f5fbf', '#1f5fbf')).toBe(1);
  expect(contrastRatio('#8c8c8c', '#fff')).toBeCloseTo(3.36, 2);
  expect(contrastRatio('#fff', '#8c8c8c')).toBeCloseTo(3.36, 2);
});

it('flattens antd rgba() tokens onto white as they are drawn', () => {
  expect(flatten('rgba(0, 0, 0, 0.45)')).toBe('#8c8c8c');
  expect(flatten('#abcdef')).toBe('#abcdef');
});

it('refuses what is not an opaque colour rather than guessing', () => {
  expect(() => contrastRatio('red', '#fff')).toThrow(/not an opaque/);
});
