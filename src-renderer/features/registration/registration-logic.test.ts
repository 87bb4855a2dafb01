import { describe, expect, it } from 'vitest';
import type { RegistrationForm } from '@shared/contract/client-api';
import { organizationCodeCheckChar, residentIdCheckChar, usccCheckChar } from '@shared/validation';
import { fieldProblem, formProblems, normalizedForm } from './form-rules';
import { checkFile, MAX_FILE_BYTES, sniffMediaType } from '../../components/upload-file';

const id17 = '32050619900307123';
const validId = id17 + residentIdCheckChar(id17);
const uscc17 = `91320594MA1MXXXX${organizationCodeCheckChar('MA1MXXXX')}`;
const validUscc = uscc17 + usccCheckChar(uscc17);

describe('fieldProblem', () => {
  it('gives the shared validators’ stable codes', () => {
    expect(fieldProblem('idNumber', '3205061990')).toBe('ID_LENGTH');
    expect(fieldProblem('idNumber', validId.slice(0, 17) + (validId.endsWith('0') ? '1' : '0'))).toBe('ID_CHECK_DIGIT');
    expect(fieldProblem('idNumber', validId.toLowerCase())).toBeNull();
    expect(fieldProblem('mobile', '1381234567')).toBe('MOBILE_FORMAT');
    expect(fieldProblem('mobile', '+86 138 1234 5678')).toBeNull();
    expect(fieldProblem('uscc', 'ABC')).toBe('USCC_LENGTH');
  });

  it('requires the required fields, not the e-mail', () => {
    expect(fieldProblem('address', '  ')).toBe('required');
    expect(fieldProblem('email', '')).toBeNull();
    expect(fieldProblem('email', 'a@b')).toBe('emailFormat');
    expect(fieldProblem('legalRepresentative', '张'.repeat(51))).toBe('tooLong');
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
    expect(formProblems(n)).toEqual({});
  });
});

describe('checkFile', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n');
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it('accepts PDF, JPEG and PNG up to 10 MB by content and name', () => {
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
