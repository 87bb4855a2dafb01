import { describe, expect, it } from 'vitest';
import type { RegistrationForm } from '@shared/contract/client-api';
import { organizationCodeCheckChar, residentIdCheckChar, usccCheckChar } from '@shared/validation';
import { registrationFormPartSchema } from '@shared/contract/http/registration';
import { checkRegistrationForm, normalizedForm } from './registration-form';
import { sniffMediaType } from '@shared/files/media-type';
import { checkFile, MAX_FILE_BYTES } from '../../components/upload-file';

const id17 = '32050619900307123';
const validId = id17 + residentIdCheckChar(id17);
const uscc17 = `91320594MA1MXXXX${organizationCodeCheckChar('MA1MXXXX')}`;
const validUscc = uscc17 + usccCheckChar(uscc17);

describe('checkRegistrationForm: the contract decides', () => {
  const form = (enterprise: Partial<RegistrationForm['enterprise']>, administrator: Partial<RegistrationForm['administrator']> = {}) => ({
    enterprise: { uscc: validUscc, name: '苏州测试科技有限公司', address: '星湖街 328 号', legalRepresentative: '张三', ...enterprise },
    administrator: { name: '李四', idNumber: validId, mobile: '13812345678', ...administrator },
  });
  const issues = (f: ReturnType<typeof form>) => checkRegistrationForm(f).issues;

  it('refuses a one-character name or address, as the server does (the old form took them)', () => {
    expect(issues(form({ name: '苏', address: ' 街 ' }))).toEqual([
      { path: 'enterprise.name', code: 'TOO_SHORT', params: { min: 2 } },
      { path: 'enterprise.address', code: 'TOO_SHORT', params: { min: 2 } },
    ]);
  });

  it('gives the shared validators’ stable codes and requires all but the e-mail', () => {
    expect(issues(form({}, { idNumber: '3205061990', mobile: '1381234567', email: 'a@b' }))).toEqual([
      { path: 'administrator.idNumber', code: 'ID_LENGTH' },
      { path: 'administrator.mobile', code: 'MOBILE_FORMAT' },
      { path: 'administrator.email', code: 'EMAIL_FORMAT' },
    ]);
    expect(issues(form({ uscc: 'ABC', legalRepresentative: '  ' }, { email: '' }))).toEqual([
      { path: 'enterprise.uscc', code: 'USCC_LENGTH' },
      { path: 'enterprise.legalRepresentative', code: 'REQUIRED' },
    ]);
    expect(issues(form({ legalRepresentative: '张'.repeat(51) }))).toEqual([{ path: 'enterprise.legalRepresentative', code: 'TOO_LONG', params: { max: 50 } }]);
  });

  it('says ok exactly when the signed payload’s schemas accept the same values', () => {
    const samples = [form({}), form({ name: '苏' }), form({}, { email: ' ' }), form({}, { mobile: '+86 138 1234 5678' }), form({ address: 'x'.repeat(201) }), form({}, { idNumber: validId.toLowerCase() })];
    for (const f of samples) {
      const email = f.administrator.email?.trim();
      const { email: _e, ...admin } = f.administrator;
      const server = registrationFormPartSchema.safeParse({ enterprise: f.enterprise, administrator: email ? { ...admin, email } : admin }).success;
      expect(checkRegistrationForm(f).ok, JSON.stringify(f)).toBe(server);
    }
  });
});

describe('normalizedForm', () => {
  it('sends the ID with an upper-case X, the bare 11-digit mobile and no empty e-mail', () => {
    let x17 = '';
    for (let i = 0; i < 1000 && !x17; i++) {
      const candidate = `32050619900307${String(i).padStart(3, '0')}`;
      if (residentIdCheckChar(candidate) === 'X') x17 = candidate;
    }
    const form: RegistrationForm = {
      caProfile: 'jiangsu-ca',
      enterprise: { uscc: ` ${validUscc} `, name: '苏州测试科技有限公司', address: ' 星湖街 328 号 ', legalRepresentative: '张三' },
      administrator: { name: '李四', idNumber: `${x17}x`, mobile: '138-1234-5678', email: ' ' },
    };
    const n = normalizedForm(form);
    expect(n.administrator).toEqual({ name: '李四', idNumber: `${x17}X`, mobile: '13812345678' });
    expect(n.enterprise.address).toBe('星湖街 328 号');
    expect(n.enterprise.uscc).toBe(validUscc);
    expect(checkRegistrationForm(n).ok).toBe(true);
  });
});

describe('checkFile', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it('accepts PDF, JPEG and PNG up to 25 MB by content and name', () => {
    expect(checkFile({ name: '营业执照.PDF', size: 1000 }, pdf)).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(checkFile({ name: 'id.png', size: MAX_FILE_BYTES }, png)).toEqual({ ok: true, mediaType: 'image/png' });
    expect(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
  });
  it('refuses with the server’s codes', () => {
    expect(checkFile({ name: 'a.pdf', size: MAX_FILE_BYTES + 1 }, pdf)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    expect(checkFile({ name: 'a.pdf', size: 0 }, pdf)).toMatchObject({ ok: false, error: { code: 'FILE_EMPTY' } });
    expect(checkFile({ name: 'a.docx', size: 10 }, pdf)).toMatchObject({ ok: false, error: { code: 'FILE_TYPE_UNSUPPORTED' } });
    expect(checkFile({ name: 'renamed.pdf', size: 10 }, new TextEncoder().encode('PK\u0003\u0004'))).toMatchObject({ ok: false, error: { code: 'FILE_TYPE_UNSUPPORTED' } });
  });
});
