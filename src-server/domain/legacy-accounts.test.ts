import { describe, expect, it } from 'vitest';
import { legacyHash } from '../../tests/fixtures/scenario';
import { loadConfig } from '../config';
import { legacyDaysLeft, verifyLegacyPassword } from './legacy-accounts';

describe('legacy accounts: the cut-off and the old platform\u2019s hash', () => {
  it('takes the manual\u2019s cut-off by default and refuses a day that does not exist', () => {
    expect(loadConfig({}).legacyCutoff).toBe('2021-06-30');
    expect(loadConfig({ TONGBAN_LEGACY_CUTOFF: '2027-01-31' }).legacyCutoff).toBe('2027-01-31');
    for (const bad of ['2027-02-30', '31/01/2027', 'tomorrow']) expect(() => loadConfig({ TONGBAN_LEGACY_CUTOFF: bad }), bad).toThrow(/TONGBAN_LEGACY_CUTOFF/);
  });

  it('counts the days on the China calendar: the cut-off day itself is the last one, 0 days left', () => {
    // 15:59 UTC is 23:59 in China, the day before; 16:30 UTC is 00:30 of the next day there.
    expect(legacyDaysLeft('2021-06-30', new Date('2021-06-29T15:59:00Z'))).toBe(1);
    expect(legacyDaysLeft('2021-06-30', new Date('2021-06-29T16:30:00Z'))).toBe(0);
    expect(legacyDaysLeft('2021-06-30', new Date('2021-06-30T16:30:00Z'))).toBe(-1);
    expect(legacyDaysLeft('2021-06-30', new Date('2021-05-31T00:00:00Z'))).toBe(30);
  });

  it('verifies pbkdf2_sha256 hashes and nothing else', async () => {
    const stored = legacyHash('Qifu#Old-2019');
    expect(await verifyLegacyPassword('Qifu#Old-2019', stored)).toBe(true);
    expect(await verifyLegacyPassword('qifu#old-2019', stored)).toBe(false);
    expect(await verifyLegacyPassword('Qifu#Old-2019', 'Qifu#Old-2019')).toBe(false);
    expect(await verifyLegacyPassword('x', 'md5$abc$def')).toBe(false);
  });
});
