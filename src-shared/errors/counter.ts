/** Error codes of counter registration (线下注册), spread into `serverErrors`; same shape as the entries there. */
import type { ErrorText } from './catalog';
import type { ServerErrorDefinition } from './server';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

export const counterErrors = {
  COUNTER_REGISTRY_MISMATCH: {
    status: 409,
    retriable: false,
    message: t('企业信息与法人库不一致（或法人库中没有该企业）。', 'The enterprise does not match the legal-person registry (or is not in it).'),
    hint: t(
      '请与申请人出示的营业执照和法定代表人身份证明原件核对；核对无误的，可在确认页勾选“已核对原件，仍然注册”后提交，系统将记录此决定。',
      'Compare with the originals of the business licence and the legal representative\u2019s identity document; if they agree, tick "checked against the originals, register anyway" on the confirmation page — the decision is recorded.',
    ),
  },
} as const satisfies Record<string, ServerErrorDefinition>;
