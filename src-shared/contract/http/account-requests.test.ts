import { describe, expect, it } from 'vitest';
import { accountRequestFormSchema, missingAccountRequestScans, requestSlotOf } from './account-requests';

describe('requests to the portal staff: the rules both desks and the server use', () => {
  it('asks each kind for the manual\u2019s stamped scans', () => {
    expect(missingAccountRequestScans('administratorChange', [{ requirement: 'authorisationLetter' }])).toEqual([
      { path: 'attachments.adminIdFront', code: 'ATTACHMENT_REQUIRED' },
      { path: 'attachments.adminIdBack', code: 'ATTACHMENT_REQUIRED' },
    ]);
    expect(missingAccountRequestScans('enterpriseChange', [{ requirement: 'businessLicence' }])).toEqual([{ path: 'attachments.changeNotice', code: 'ATTACHMENT_REQUIRED' }]);
    expect(missingAccountRequestScans('accountsUnknown', [])).toHaveLength(4);
  });

  it('lets an administrator change and an "accounts unknown" request compete for the one administrator slot', () => {
    expect(requestSlotOf('administratorChange')).toBe(requestSlotOf('accountsUnknown'));
    expect(requestSlotOf('enterpriseChange')).not.toBe(requestSlotOf('administratorChange'));
  });

  it('checks the new administrator as registration does and normalises the ID number', () => {
    const parsed = accountRequestFormSchema.safeParse({
      kind: 'administratorChange',
      enterprise: { uscc: '91320594MA1YY8Q29X', name: '苏州示范有限公司' },
      administrator: { name: '周新', idNumber: '11010519491231002x', mobile: '13912340001' },
      filer: { name: '张伟', mobile: '139-1234-0002' },
    });
    expect(parsed.success && parsed.data.kind === 'administratorChange' && parsed.data.administrator.idNumber).toBe('11010519491231002X');
    const bad = accountRequestFormSchema.safeParse({ kind: 'enterpriseChange', enterprise: { uscc: '91320594MA1YY8Q29X', name: 'x' }, newName: '', newAddress: '苏州', filer: { name: 'a', mobile: '12345' } });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.path.join('.')).sort()).toEqual(['enterprise.name', 'filer.mobile', 'newName']);
  });
});
