/**
 * SMS and e-mail to a construction filing's contact at every change of status, as for the subsidy
 * (subsidy-templates.ts). zh-CN only, like the other templates.
 */
import type { FilingStatus } from '@shared/contract/http/filing';

const ITEM = '小型建设工程开工备案';

export interface FilingNotice {
  enterprise: string;
  project: string;
  status: FilingStatus;
  version: number;
  comment: string | null;
  returnSummary: string[];
}

function sentence(n: FilingNotice): string | null {
  const what = `您单位（${n.enterprise}）的${ITEM}（${n.project}）`;
  switch (n.status) {
    case 'submitted':
      return `${what}已提交，请耐心等待审核。`;
    case 'resubmitted':
      return `${what}已重新提交（第 ${n.version} 版），请耐心等待审核。`;
    case 'returned':
      return `${what}已被退回修改，请登录系统根据审核意见修改，重新生成申请表并签章后提交。`;
    case 'approved':
      return `${what}已审核通过，备案完成。`;
    case 'rejected':
      return `${what}未予通过。`;
    default:
      return null;
  }
}

export function filingSms(n: FilingNotice): string | null {
  const s = sentence(n);
  if (!s) return null;
  return n.status === 'rejected' && n.comment ? `${s}原因：${n.comment}` : s;
}

export const FILING_STATUS_NAMES: Record<FilingStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '退回修改',
  resubmitted: '已重新提交',
  approved: '审核通过',
  rejected: '未通过',
};

export function filingMail(n: FilingNotice): { subject: string; text: string } | null {
  const s = sentence(n);
  if (!s) return null;
  const lines = ['您好：', '', s];
  if (n.status === 'returned') {
    if (n.comment) lines.push('', `审核意见：${n.comment}`);
    if (n.returnSummary.length) lines.push('', '需要修改的内容：', ...n.returnSummary.map((l) => `- ${l}`));
  } else if (n.comment) {
    lines.push('', `${n.status === 'rejected' ? '原因' : '备注'}：${n.comment}`);
  }
  lines.push('', '审核状态请定期登录通办查看。本邮件由系统自动发送，请勿回复。', '');
  return { subject: `${ITEM}：${FILING_STATUS_NAMES[n.status]}`, text: lines.join('\n') };
}
