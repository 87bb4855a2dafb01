/**
 * Error codes of PAdES signing and of the server's check of a signed PDF (issue 15). Same shape as the entries of
 * server.ts, spread into `serverErrors` there; the token service raises the signing ones, the server's
 * `verifyPades` lists the checking ones in a signature's `problems`. Never rename a code.
 */
import type { ErrorEntry, ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const padesErrors = {
  PDF_INVALID: {
    status: 400,
    retriable: false,
    message: t('该文件不是可读取的 PDF，无法签章。', 'This file is not a readable PDF and cannot be signed.'),
    hint: t('请重新生成申请表后再签章。', 'Generate the application form again, then sign it.'),
  },
  PDF_ENCRYPTED: {
    status: 400,
    retriable: false,
    message: t('该 PDF 已加密，无法签章。', 'This PDF is encrypted and cannot be signed.'),
  },
  TSA_UNAVAILABLE: {
    status: 502,
    retriable: true,
    message: t('时间戳服务无应答，签章未完成。', 'The time-stamp service did not answer; the PDF was not signed.'),
    hint: t('请检查网络后重试；如持续出现，请在设置中核对时间戳服务地址。', 'Check the network and try again; if it persists, check the time-stamp service address in Settings.'),
  },
  PDF_NOT_SIGNED: {
    status: 400,
    retriable: false,
    message: t('该 PDF 没有电子签章。', 'This PDF carries no signature.'),
    hint: t('请在申请表上点“签章（江苏CA）”后再提交。', 'Press “Sign (Jiangsu CA)” on the application form before submitting.'),
  },
  PDF_SIGNATURE_INVALID: {
    status: 400,
    retriable: false,
    message: t('PDF 的电子签章无效：签章后的内容已被改动或签名已损坏。', 'The PDF signature is not valid: the signed content was changed or the signature is damaged.'),
    hint: t('请重新生成申请表并重新签章。', 'Generate the application form again and sign it again.'),
  },
  PDF_CHANGED_AFTER_SIGNING: {
    status: 400,
    retriable: false,
    message: t('PDF 在签章之后又被修改过。', 'The PDF was changed after it was signed.'),
    hint: t('请重新生成申请表并重新签章，签章后不要再编辑该文件。', 'Generate and sign the form again, and do not edit the file after signing.'),
  },
  PDF_SIGNATURE_NOT_PADES: {
    status: 400,
    retriable: false,
    message: t('该签章不符合 PAdES 标准（ETSI.CAdES.detached）。', 'The signature is not a PAdES signature (ETSI.CAdES.detached).'),
    hint: t('请在通办中用 CA 数字证书签章。', 'Sign the PDF with the CA key in Tongban.'),
  },
  PDF_SIGNER_UNTRUSTED: {
    status: 400,
    retriable: false,
    message: t('签章证书不是受信任的 CA 签发的。', 'The signing certificate was not issued by a trusted CA.'),
    hint: t('请使用江苏CA或苏州CA签发的数字证书签章。', 'Sign with a certificate issued by Jiangsu CA or Suzhou CA.'),
  },
  PDF_SIGNER_REVOKED: {
    status: 400,
    retriable: false,
    message: t('签章证书已被吊销。', 'The signing certificate has been revoked.'),
    hint: t('请携带 CA 数字证书（Key）前往 CA 服务窗口办理。', 'Take the CA key to the CA service counter.'),
  },
  PDF_SIGNER_OTHER_ENTERPRISE: {
    status: 403,
    retriable: false,
    message: t('签章证书中的统一社会信用代码不是本企业的。', 'The USCC in the signing certificate is not this enterprise’s.'),
    hint: t('请插入本企业的 CA 数字证书后重新签章。', 'Insert this enterprise’s CA key and sign again.'),
  },
  PDF_NOT_THE_GENERATED_ONE: {
    status: 400,
    retriable: false,
    message: t('签章的 PDF 不是通办生成的申请表，或页面内容被改动过。', 'The signed PDF is not the application form Tongban generated, or its pages were changed.'),
    hint: t('请重新生成申请表，预览后直接签章。', 'Generate the application form again and sign it straight after previewing.'),
  },
} as const satisfies Record<string, ErrorEntry & { status: number }>;

export type PadesErrorCode = keyof typeof padesErrors;
