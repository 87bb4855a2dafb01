import { describe, expect, it, vi } from 'vitest';
import { receiptLinkTokenSchema } from '@shared/contract/http/disbursement';
import { takeToken, TOKEN_PATTERN } from './token';

const token = 'Zx0_-'.repeat(8) + 'abc';

describe('takeToken', () => {
  it('takes the token from the fragment and clears it from the address bar', () => {
    const replaceState = vi.fn();
    expect(takeToken({ hash: `#${token}`, pathname: '/m/receipt', search: '' }, { replaceState, state: null })).toBe(token);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/m/receipt');
  });

  it('clears and refuses a fragment that is not a token', () => {
    const replaceState = vi.fn();
    expect(takeToken({ hash: '#abc', pathname: '/m/receipt', search: '?x=1' }, { replaceState, state: null })).toBeNull();
    expect(replaceState).toHaveBeenCalledWith(null, '', '/m/receipt?x=1');
  });

  it('leaves the history alone without a fragment', () => {
    const replaceState = vi.fn();
    expect(takeToken({ hash: '', pathname: '/m/receipt', search: '' }, { replaceState, state: null })).toBeNull();
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('accepts what the contract accepts', () => {
    expect(receiptLinkTokenSchema.safeParse(token).success).toBe(true);
    for (const bad of ['', token.slice(1), `${token}=`, token.replace('Z', '+')]) {
      expect(TOKEN_PATTERN.test(bad)).toBe(receiptLinkTokenSchema.safeParse(bad).success);
    }
  });
});
