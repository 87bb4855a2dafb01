import { describe, expect, it } from 'vitest';
import { fenToCapitals, fenToFigures } from './capital';

const yuan = (n: number) => n * 100;

describe('fenToCapitals', () => {
  it.each([
    [yuan(15_000), '壹万伍仟元整'],
    [yuan(10), '壹拾元整'],
    [yuan(1), '壹元整'],
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [55, '伍角伍分'],
    [10_050, '壹佰元伍角整'],
    [100_001, '壹仟元零壹分'],
    [yuan(1_680) + 32, '壹仟陆佰捌拾元叁角贰分'],
    [yuan(1_005), '壹仟零伍元整'],
    [yuan(1_050), '壹仟零伍拾元整'],
    [yuan(100_010), '壹拾万零壹拾元整'],
    [yuan(100_000), '壹拾万元整'],
    [yuan(105_000), '壹拾万伍仟元整'],
    [yuan(1_000_500), '壹佰万零伍佰元整'],
    [yuan(50_000), '伍万元整'],
    [yuan(300_000), '叁拾万元整'],
    [yuan(100_000_001), '壹亿零壹元整'],
    [yuan(100_100_000), '壹亿零壹拾万元整'],
    [yuan(120_003_400), '壹亿贰仟万叁仟肆佰元整'],
    [yuan(120_000_340), '壹亿贰仟万零叁佰肆拾元整'],
    [yuan(987_654_321) + 99, '玖亿捌仟柒佰陆拾伍万肆仟叁佰贰拾壹元玖角玖分'],
  ])('%i fen → %s', (fen, text) => {
    expect(fenToCapitals(fen)).toBe(text);
  });

  it('refuses what is not an amount in fen', () => {
    expect(() => fenToCapitals(-1)).toThrow(RangeError);
    expect(() => fenToCapitals(1.5)).toThrow(RangeError);
    expect(() => fenToCapitals(Number.NaN)).toThrow(RangeError);
  });
});

describe('fenToFigures', () => {
  it.each([
    [yuan(15_000), '15,000.00'],
    [5, '0.05'],
    [yuan(1_234_567) + 89, '1,234,567.89'],
  ])('%i fen → %s', (fen, text) => expect(fenToFigures(fen)).toBe(text));
});
