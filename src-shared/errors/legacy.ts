/**
 * Error codes of the legacy hub accounts (企服平台账号) and their upgrade (manual 000), spread into `serverErrors`.
 * Same shape as the entries of server.ts; never rename a code.
 */
import type { ErrorText } from './catalog';

const t = (zh: string, en: string): ErrorText => ({ 'zh-CN': zh, en });

/** How to get onto the one-stop portal once the old login is closed (manual 000 §1–2). */
const upgradeWayHint = t(
  '请使用一网通办账号登录（账号密码、CA 数字证书或电子营业执照）。企业尚未开通一网通办账号的，请在登录页点击“成为新用户”，通过 CA 数字证书、线上预注册或线下注册开通；办件记录请联系企服平台技术支持 400-8696-086 迁移。',
  'Sign in with a one-stop portal account (password, CA key or e-business licence). If the enterprise has no one-stop account yet, choose Register on the sign-in page (CA key, online pre-registration or at the counter); for your item history contact hub support on 400-8696-086.',
);

export const legacyErrors = {
  LEGACY_CSV_INVALID: {
    status: 400,
    retriable: false,
    message: t('企服平台账号 CSV 文件格式错误，未导入任何数据。', 'The legacy account CSV is not valid; nothing was imported.'),
    hint: t('请按标出的行号修改文件后重新导入。', 'Correct the line named and import the file again.'),
  },
  LEGACY_LOGIN_CLOSED: {
    status: 403,
    retriable: false,
    message: t('企服平台旧账号登录已于截止日关闭。', 'Sign-in with legacy hub accounts closed on the cut-off date.'),
    hint: upgradeWayHint,
  },
  LEGACY_ALREADY_UPGRADED: {
    status: 409,
    retriable: false,
    message: t('该企服平台账号已升级，请使用升级后的一网通办账号登录。', 'This legacy account has been upgraded; sign in with its one-stop account.'),
    hint: t('升级只能进行一次。一网通办账号名见提示；忘记密码请联系企业管理员重置。', 'An account is upgraded once. The one-stop username is shown; if its password is lost, ask the enterprise administrator to reset it.'),
  },
  LEGACY_SESSION_RESTRICTED: {
    status: 403,
    retriable: false,
    message: t('企服平台账号只能查看办件记录和进行用户升级。', 'A legacy account can only view its item history and upgrade.'),
    hint: t('请完成用户升级后使用一网通办账号办理业务。', 'Upgrade, then use the one-stop account for everything else.'),
  },
  LEGACY_ENTERPRISE_NOT_REGISTERED: {
    status: 409,
    retriable: false,
    message: t('本企业尚未开通一网通办账号，暂不能升级。', 'The enterprise has no one-stop account yet, so the upgrade cannot be done now.'),
    hint: t('请先通过 CA 数字证书、线上预注册或线下注册开通企业账号，再用企服平台账号登录完成升级。', 'Register the enterprise first (CA key, online pre-registration or at the counter), then sign in with the legacy account again to finish.'),
  },
  LEGACY_PROOF_ROLE: {
    status: 403,
    retriable: false,
    message: t('用于验证的一网通办账号角色不符。', 'The one-stop account used to confirm has the wrong role.'),
    hint: t(
      '法定代表人请用本企业 super 账号验证，管理员请用 admin 账号验证；经办人请由本企业管理员（admin 或 super）输入其账号密码表示同意。',
      "A legal representative confirms with the enterprise's super account, an administrator with its admin account; for a handler, the enterprise's administrator (admin or super) types their own account to consent.",
    ),
  },
} as const;
