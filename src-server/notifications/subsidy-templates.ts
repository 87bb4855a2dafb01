/**
 * SMS and e-mail to a subsidy application's contact at every change of status (manual 001 §1: "系统也会给予申请时
 * 选择的企业联系人邮件和短信提醒"). zh-CN only, like the other templates.
 */
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { formatFen } from '@shared/subsidy/amount';

const ITEM = '高层次和紧缺人才招聘补贴申请';

export interface SubsidyNotice {
  enterprise: string;
  status: SubsidyStatus;
  version: number;
  comment: string | null;
  returnSummary: string[];
  amountFen: number | null;
  publicity: { startDate: string; endDate: string } | null;
  /** The disbursement's receipt number, once finance opened it. */
  receiptNumber?: string | null;
}

/** One line per status; null for states nobody is told about. */
function sentence(n: SubsidyNotice): string | null {
  switch (n.status) {
    case 'submitted':
      return `您单位（${n.enterprise}）的${ITEM}已提交，请耐心等待业务人员审核。`;
    case 'resubmitted':
      return `您单位（${n.enterprise}）的${ITEM}已重新提交（第 ${n.version} 版），请耐心等待业务人员审核。`;
    case 'accepted':
      return `您单位（${n.enterprise}）的${ITEM}已受理，正在审核中。`;
    case 'returned':
      return `您单位（${n.enterprise}）的${ITEM}已被退回修改，请登录系统根据审核意见修改后重新提交。`;
    case 'approved':
      return `您单位（${n.enterprise}）的${ITEM}已审核通过，核准补贴金额 ${formatFen(n.amountFen ?? 0)} 元。`;
    case 'rejected':
      return `您单位（${n.enterprise}）的${ITEM}未予通过。`;
    case 'publicity':
      return `您单位（${n.enterprise}）的${ITEM}已进入公示期（${n.publicity?.startDate} 至 ${n.publicity?.endDate}），公示期结束后将启动资金拨付。`;
    case 'disbursement_pending':
      return (
        `您单位（${n.enterprise}）的${ITEM}公示期已结束，资金拨付已启动${n.receiptNumber ? `（收据编号 ${n.receiptNumber}）` : ''}。` +
        `请登录系统在“人才资金拨付申请”中上传人才在职证明，确认银行账户和联系人，打印收据并加盖财务章或公章后上传。`
      );
    case 'receipt_returned':
      return `您单位（${n.enterprise}）的${ITEM}拨付收据${n.receiptNumber ? `（${n.receiptNumber}）` : ''}已被退回，请登录系统按退回原因重新上传盖章收据。`;
    case 'paid':
      return `您单位（${n.enterprise}）的${ITEM}资金已拨付，金额 ${formatFen(n.amountFen ?? 0)} 元${n.receiptNumber ? `（收据编号 ${n.receiptNumber}）` : ''}。`;
    case 'withdrawn':
      return `您单位（${n.enterprise}）的${ITEM}已撤回。`;
    default:
      return null;
  }
}

export function subsidySms(n: SubsidyNotice): string | null {
  const s = sentence(n);
  if (!s) return null;
  const reason = (n.status === 'rejected' || n.status === 'receipt_returned') && n.comment ? `原因：${n.comment}` : '';
  return `${s}${reason}`;
}

export function subsidyMail(n: SubsidyNotice): { subject: string; text: string } | null {
  const s = sentence(n);
  if (!s) return null;
  const lines = [`您好：`, '', s];
  if (n.status === 'returned') {
    if (n.comment) lines.push('', `审核意见：${n.comment}`);
    if (n.returnSummary.length) lines.push('', '需要修改的内容：', ...n.returnSummary.map((l) => `- ${l}`));
  } else if (n.comment) {
    lines.push('', `${n.status === 'rejected' || n.status === 'receipt_returned' ? '原因' : '备注'}：${n.comment}`);
  }
  lines.push('', '审核状态请定期登录通办查看。本邮件由系统自动发送，请勿回复。', '');
  return { subject: `${ITEM}：${STATUS_NAMES[n.status]}`, text: lines.join('\n') };
}

export const STATUS_NAMES: Record<SubsidyStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  accepted: '已受理',
  returned: '退回修改',
  resubmitted: '已重新提交',
  approved: '审核通过',
  publicity: '公示中',
  disbursement_pending: '待拨付',
  receipt_submitted: '收据已提交',
  receipt_returned: '收据退回',
  paid: '已拨付',
  rejected: '未通过',
  withdrawn: '已撤回',
};
