import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../validation/resident-id';
import { validationCodeOf } from '../../validation/zod';
import { MAX_FILES_PER_MATERIAL } from '../signing';
import { subsidyTalentSchema } from './subsidy';

const talent = {
  name: '陈七',
  idType: 'residentId',
  idNumber: `11010119900307457${residentIdCheckChar('11010119900307457')}`,
  nationality: '中国',
  education: 'master',
  degree: 'master',
  school: '苏州大学',
  major: '软件工程',
  graduationDate: '2018-06-30',
  title: '',
  position: '架构师',
  category: 'shortage',
  hireDate: '2026-01-05',
  contractStart: '2026-01-05',
  contractEnd: '2029-01-04',
  annualSalaryFen: 40_000_000,
  socialInsuranceStartMonth: '2026-01',
  socialInsuranceMonths: 10,
  recruitmentChannel: 'headhunting',
  headhunter: { name: '某猎头公司', uscc: '91350100M000100Y43' },
  feePaidFen: 4_000_000,
  invoiceNumber: 'INV-1',
  paymentDate: '2026-01-20',
  priorSubsidy: { received: false, note: '' },
  attachments: [],
};

const codes = (value: unknown) => {
  const r = subsidyTalentSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${validationCodeOf(i) ?? i.code}`);
};

describe('subsidy talent contract', () => {
  it('checks resident ID numbers with the shared validator, and leaves passports free-form', () => {
    const wrong = residentIdCheckChar('11010119900307457') === '1' ? '2' : '1';
    expect(codes({ ...talent, idNumber: `11010119900307457${wrong}` })).toEqual(['idNumber:ID_CHECK_DIGIT']);
    expect(codes({ ...talent, idType: 'passport', idNumber: 'E1234567' })).toEqual([]);
  });

  it('needs the headhunter, fee, invoice and payment date for a headhunted talent', () => {
    expect(codes({ ...talent, headhunter: null, feePaidFen: 0, invoiceNumber: '', paymentDate: null }).sort()).toEqual(
      ['feePaidFen:FEE_REQUIRED', 'headhunter:HEADHUNTER_REQUIRED', 'invoiceNumber:INVOICE_REQUIRED', 'paymentDate:PAYMENT_DATE_REQUIRED'].sort(),
    );
    expect(codes({ ...talent, headhunter: { name: 'x', uscc: '91350100M000100Y44' } })).toEqual(['headhunter.uscc:USCC_CHECK_DIGIT']);
  });

  it('subsidises only a headhunter\u2019s fee, and wants the contract to end after it starts', () => {
    expect(codes({ ...talent, recruitmentChannel: 'campus', headhunter: null })).toEqual(['feePaidFen:FEE_WITHOUT_HEADHUNTING']);
    expect(codes({ ...talent, recruitmentChannel: 'campus', headhunter: null, feePaidFen: 0 })).toEqual([]);
    expect(codes({ ...talent, contractEnd: '2025-12-31' })).toEqual(['contractEnd:DATE_ORDER']);
  });
});

describe('files per material', () => {
  const file = (requirement: string, n: number) => ({ requirement, sha256: String(n).repeat(64), size: 10, mediaType: 'image/jpeg' as const });
  const codes = (attachments: unknown[]) => {
    const r = subsidyTalentSchema.safeParse({ ...talent, attachments });
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('takes several files of one material up to MAX_FILES_PER_MATERIAL, each once', () => {
    const pages = Array.from({ length: MAX_FILES_PER_MATERIAL }, (_, i) => file('diploma', i + 1));
    expect(codes([...pages, file('idDocument', 1)])).toEqual([]);
    expect(codes([...pages, file('diploma', 9)])).toEqual(['attachments.diploma:ATTACHMENT_TOO_MANY']);
    expect(codes([file('diploma', 1), file('diploma', 1)])).toEqual(['attachments.diploma:ATTACHMENT_TWICE']);
  });
});
