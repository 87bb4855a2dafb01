/**
 * The Beijing SME public service platform (北京市中小企业公共服务平台, manual 004, issue 16): a platform account
 * (mobile + SMS code + password + nickname + user type), enterprise certification through the city's unified
 * identity platform (法人一证通), its 口令登录 that binds the enterprise to the platform account, the refusal when
 * another account holds the enterprise (该企业已被其他用户绑定), the unbinding request, and the staff queues.
 * These routes exist only on a server configured as that portal (`TONGBAN_PORTAL=beijing-sme`).
 */
import { z } from 'zod';
import { isValidOrganizationCode, parseUscc, type UsccErrorCode } from '../../validation/uscc';
import { normalizeCodeInput } from '../../validation/normalize';
import { codeSchema, mobileSchema, residentIdSchema } from '../../validation/zod';
import { uploadedFileSchema, uploadTokenSchema } from './registration';
import { verificationCodeSchema } from './recovery';
import { staffDuties } from './staff-duties';
import { defineRoute, isoDateTimeSchema, sha256HexSchema, uuidSchema } from './route';

/** Field codes of this flow (texts `validation.<CODE>`); `ENTERPRISE_BOUND` carries `{ boundTo }`, a masked mobile. */
export const BEIJING_RULE_CODES = ['ORG_CODE_FORMAT', 'ORG_CODE_CHECK_DIGIT', 'PLATFORM_PASSWORD_FORMAT', 'NICKNAME_FORMAT', 'YZT_USERNAME_FORMAT', 'ENTERPRISE_BOUND', 'LEGAL_REPRESENTATIVE_MISMATCH', 'YZT_USERNAME_TAKEN'] as const;

/** 统一社会信用代码 (18, GB 32100) or the older 组织机构代码 (9, GB 11714, `XXXXXXXX-C` accepted); outputs without the hyphen. */
export function parseEnterpriseCode(input: string): { ok: true; value: string } | { ok: false; code: UsccErrorCode | 'ORG_CODE_FORMAT' | 'ORG_CODE_CHECK_DIGIT' } {
  const value = normalizeCodeInput(input).replace(/-/g, '');
  if (value.length !== 9) {
    const uscc = parseUscc(value);
    return uscc.ok ? { ok: true, value: uscc.value } : { ok: false, code: uscc.code };
  }
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(value)) return { ok: false, code: 'ORG_CODE_FORMAT' };
  return isValidOrganizationCode(value) ? { ok: true, value } : { ok: false, code: 'ORG_CODE_CHECK_DIGIT' };
}

export const enterpriseCodeSchema = codeSchema(parseEnterpriseCode, '统一社会信用代码 (18) or 组织机构代码 (9, GB 11714)');

/** "6-20位字母数字的组合" (the app's registration screen): letters and digits only, at least one of each. */
export const platformPasswordSchema = codeSchema(
  (input: string) => (/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{6,20}$/.test(input) ? { ok: true as const, value: input } : { ok: false as const, code: 'PLATFORM_PASSWORD_FORMAT' as const }),
  'Password: 6-20 letters and digits, at least one of each',
);

/** 昵称: 2-20 characters, no control characters or line breaks (it is shown in headers and in staff lists). */
export const nicknameSchema = codeSchema(
  (input: string) => {
    const value = input.trim();
    return /^[^\p{C}]{2,20}$/u.test(value) ? { ok: true as const, value } : { ok: false as const, code: 'NICKNAME_FORMAT' as const };
  },
  'Nickname, 2-20 characters',
);

/** 一证通账号 chosen at 创建账号: 4-32 letters, digits, `_`, `.` or `@`, case-insensitive (stored lower-case). */
export const yztUsernameSchema = codeSchema(
  (input: string) => {
    const value = input.trim().toLowerCase();
    return /^[a-z0-9_.@]{4,32}$/.test(value) ? { ok: true as const, value } : { ok: false as const, code: 'YZT_USERNAME_FORMAT' as const };
  },
  '一证通 username, 4-32 letters, digits, _ . @',
);

export const platformUserTypeSchema = z.enum(['personal', 'enterprise']);
export type PlatformUserType = z.infer<typeof platformUserTypeSchema>;

/** 法人代表证件类型: 中国居民身份证 (checked at once) or 护照或其它有效身份证件 (scan uploaded, staff review). */
export const legalIdTypeSchema = z.enum(['residentId', 'other']);
export type LegalIdType = z.infer<typeof legalIdTypeSchema>;

const captchaAnswerSchema = z.object({ captchaId: uuidSchema, answer: z.string().min(1).max(16) });
const text = (max: number) => z.string().trim().min(1).max(max);

/** The legal representative as the form asks: the number by the type's rule (resident ID: GB 11643 check digit). */
export const legalRepresentativeSchema = z
  .object({ idType: legalIdTypeSchema, name: text(50), idNumber: z.string().trim().min(1).max(32) })
  .superRefine((rep, ctx) => {
    if (rep.idType !== 'residentId') {
      if (!/^[A-Za-z0-9-]{5,32}$/.test(rep.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'FORMAT', params: { code: 'FORMAT' }, input: rep.idNumber });
      return;
    }
    const parsed = residentIdSchema.safeParse(rep.idNumber);
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ ...issue, code: 'custom', path: ['idNumber'], input: rep.idNumber } as never);
  })
  .overwrite((rep) => (rep.idType === 'residentId' ? { ...rep, idNumber: normalizeCodeInput(rep.idNumber) } : rep));
export type LegalRepresentative = z.infer<typeof legalRepresentativeSchema>;

export const certificationStatusSchema = z.enum(['verified', 'pending', 'rejected']);
export type CertificationStatus = z.infer<typeof certificationStatusSchema>;
export const unbindingStatusSchema = z.enum(['pending', 'approved', 'rejected']);

/** What the platform's 个人主页 shows: the account, its certification (认证信息) and the enterprise it holds. */
export const platformProfileSchema = z.object({
  account: z.object({ id: uuidSchema, mobile: z.string(), nickname: z.string(), userType: platformUserTypeSchema }),
  certification: z
    .object({
      id: uuidSchema,
      status: certificationStatusSchema,
      enterpriseName: z.string(),
      code: z.string(),
      idType: legalIdTypeSchema,
      yztUsername: z.string(),
      submittedAt: isoDateTimeSchema,
      /** The end of the promised working day of review (pending only). */
      reviewDeadline: isoDateTimeSchema.nullable(),
      reason: z.string().nullable(),
    })
    .nullable(),
  /** 已认证: the enterprise bound to this account by a 一证通 口令登录. */
  binding: z.object({ enterpriseName: z.string(), code: z.string(), boundAt: isoDateTimeSchema }).nullable(),
  unbindingRequests: z.array(z.object({ id: uuidSchema, code: z.string(), status: unbindingStatusSchema, submittedAt: isoDateTimeSchema, reason: z.string().nullable() })),
});
export type PlatformProfile = z.infer<typeof platformProfileSchema>;

export const platformSessionSchema = z.object({
  token: z.string(),
  expiresAt: isoDateTimeSchema,
  idleTimeoutSeconds: z.number().int().positive(),
  profile: platformProfileSchema,
});
export type PlatformSession = z.infer<typeof platformSessionSchema>;

const platform = { kind: 'platform' } as const;

export const platformCodeRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/codes',
  operationId: 'beijingRegistrationCode',
  summary: '获取验证码: a six-digit SMS code to the mobile being registered (captcha; one a minute, five an hour per mobile)',
  tag: 'beijing',
  access: { kind: 'public' },
  body: z.object({ mobile: mobileSchema, captcha: captchaAnswerSchema }),
  response: z.object({ codeId: uuidSchema, expiresAt: isoDateTimeSchema, resendAfterSeconds: z.number().int().nonnegative() }),
});

export const platformRegisterBodySchema = z.object({
  mobile: mobileSchema,
  codeId: uuidSchema,
  code: verificationCodeSchema,
  password: platformPasswordSchema,
  nickname: nicknameSchema,
  userType: platformUserTypeSchema,
});

export const platformRegisterRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/accounts',
  operationId: 'beijingRegister',
  summary: '注册: mobile proved by its code, password, nickname, user type; one mobile, one account; signs in',
  tag: 'beijing',
  access: { kind: 'public' },
  body: platformRegisterBodySchema,
  response: platformSessionSchema,
});

export const platformLoginRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/login',
  operationId: 'beijingLogin',
  summary: '登录: mobile + password + captcha (throttled like every password login)',
  tag: 'beijing',
  access: { kind: 'public' },
  body: z.object({ mobile: mobileSchema, password: z.string().min(1).max(64), captcha: captchaAnswerSchema }),
  response: platformSessionSchema,
});

export const platformProfileRoute = defineRoute({
  method: 'GET',
  path: '/api/beijing/profile',
  operationId: 'beijingProfile',
  summary: '个人主页 — 认证信息: the account, its certification, the bound enterprise, its unbinding requests',
  tag: 'beijing',
  access: platform,
  response: platformProfileSchema,
});

export const certificationBodySchema = z.object({
  enterpriseName: text(100),
  code: enterpriseCodeSchema,
  legalRepresentative: legalRepresentativeSchema,
  /** 护照或其它有效身份证件: the document's scans, uploaded under `uploadToken`; none for a resident ID. */
  documents: z.array(uploadedFileSchema).max(5),
  uploadToken: uploadTokenSchema.optional(),
  /** 创建账号: the 一证通 account the certification creates, for its 口令登录. */
  yzt: z.object({ username: yztUsernameSchema, password: platformPasswordSchema }),
  captcha: captchaAnswerSchema,
});
export type CertificationBody = z.input<typeof certificationBodySchema>;

export const certifyRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/certifications',
  operationId: 'beijingCertify',
  summary: '法人身份鉴证 + 创建账号: a resident ID is checked at once; another document waits one working day for staff',
  tag: 'beijing',
  access: platform,
  body: certificationBodySchema,
  response: platformProfileSchema,
});

export const yztLoginRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/yzt-login',
  operationId: 'beijingYztLogin',
  summary: '一证通 口令登录: binds the certified enterprise to this platform account (已认证), unless another holds it',
  tag: 'beijing',
  access: platform,
  body: z.object({ username: yztUsernameSchema, password: z.string().min(1).max(64), captcha: captchaAnswerSchema }),
  response: platformProfileSchema,
});

export const unbindingBodySchema = z.object({
  code: enterpriseCodeSchema,
  reason: text(500),
  contact: z.object({ name: text(50), mobile: mobileSchema }),
  documents: z.array(uploadedFileSchema).min(1).max(5),
  uploadToken: uploadTokenSchema,
});
export type UnbindingBody = z.input<typeof unbindingBodySchema>;

export const unbindingRequestRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/unbinding-requests',
  operationId: 'beijingRequestUnbinding',
  summary: '申请解绑: the enterprise another platform account holds; reason, documents, contact; to the staff queue',
  tag: 'beijing',
  access: platform,
  body: unbindingBodySchema,
  response: platformProfileSchema,
});

export const yztPasswordCodeRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/yzt-password/codes',
  operationId: 'beijingYztPasswordCode',
  summary: '一证通 忘记密码 (PC only, manual Q&A): a code to this platform account\u2019s mobile for its 一证通 account',
  tag: 'beijing',
  access: platform,
  response: z.object({ codeId: uuidSchema, mobile: z.string(), expiresAt: isoDateTimeSchema, resendAfterSeconds: z.number().int().nonnegative() }),
});

export const yztPasswordResetRoute = defineRoute({
  method: 'POST',
  path: '/api/beijing/yzt-password',
  operationId: 'beijingYztPasswordReset',
  summary: 'Sets a new 一证通 password after the code',
  tag: 'beijing',
  access: platform,
  body: z.object({ codeId: uuidSchema, code: verificationCodeSchema, password: platformPasswordSchema }),
  response: z.object({ ok: z.literal(true) }),
});

// --- staff: the unified identity platform's review desk (staff duty beijingReview)

const beijingStaff = { kind: 'staff', roles: staffDuties.beijingReview } as const;

export const staffCertificationSchema = z.object({
  id: uuidSchema,
  enterpriseName: z.string(),
  code: z.string(),
  legalRepresentative: z.object({ name: z.string(), idType: legalIdTypeSchema, idNumber: z.string() }),
  documents: z.array(uploadedFileSchema),
  accountMobile: z.string(),
  submittedAt: isoDateTimeSchema,
  reviewDeadline: isoDateTimeSchema,
  overdue: z.boolean(),
});
export const staffUnbindingSchema = z.object({
  id: uuidSchema,
  code: z.string(),
  enterpriseName: z.string(),
  reason: z.string(),
  contact: z.object({ name: z.string(), mobile: z.string() }),
  documents: z.array(uploadedFileSchema),
  requesterMobile: z.string(),
  boundMobile: z.string(),
  submittedAt: isoDateTimeSchema,
});
export type StaffCertification = z.infer<typeof staffCertificationSchema>;
export type StaffUnbinding = z.infer<typeof staffUnbindingSchema>;

export const beijingQueueRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/beijing/queue',
  operationId: 'beijingStaffQueue',
  summary: 'Certifications waiting for review (oldest deadline first) and unbinding requests waiting',
  tag: 'beijing',
  access: beijingStaff,
  response: z.object({ certifications: z.array(staffCertificationSchema), unbindings: z.array(staffUnbindingSchema) }),
});

export const beijingDecisionBodySchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('reject'), reason: text(500) }),
]);

export const certificationDecisionRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/beijing/certifications/:certificationId/decision',
  operationId: 'beijingCertificationDecision',
  summary: 'Approve (已认证 once the 一证通 account logs in) or reject with a reason; the clerk is told by SMS',
  tag: 'beijing',
  access: beijingStaff,
  params: z.object({ certificationId: uuidSchema }),
  body: beijingDecisionBodySchema,
  response: z.object({ ok: z.literal(true) }),
});

export const unbindingDecisionRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/beijing/unbinding-requests/:requestId/decision',
  operationId: 'beijingUnbindingDecision',
  summary: 'Approve (the old binding ends, both accounts told) or reject with a reason',
  tag: 'beijing',
  access: beijingStaff,
  params: z.object({ requestId: uuidSchema }),
  body: beijingDecisionBodySchema,
  response: z.object({ ok: z.literal(true) }),
});

export const beijingDocumentRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/beijing/documents/:sha256',
  operationId: 'beijingStaffDocument',
  summary: 'A scan a certification or an unbinding request lists',
  tag: 'beijing',
  access: beijingStaff,
  params: z.object({ sha256: sha256HexSchema }),
  responseMediaType: 'application/octet-stream',
});

/** The Beijing portal's routes: registered and in the OpenAPI document only when the server is that portal. */
export const beijingHttpRoutes = [
  platformCodeRoute,
  platformRegisterRoute,
  platformLoginRoute,
  platformProfileRoute,
  certifyRoute,
  yztLoginRoute,
  unbindingRequestRoute,
  yztPasswordCodeRoute,
  yztPasswordResetRoute,
  beijingQueueRoute,
  certificationDecisionRoute,
  unbindingDecisionRoute,
  beijingDocumentRoute,
] as const;
