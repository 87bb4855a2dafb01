/**
 * 审核通过 / 退回修改 / 不予通过 on a filing, each confirmed in a dialog (a comment or reason where one is needed).
 * A return carries a general comment and comments pinned to fields and materials (the contract's paths), which
 * the desk shows beside what they concern; the dialog checks it with the route's own body schema.
 */
import { Button, Form, Input, Modal, Space, type FormRule } from 'antd';
import { useState } from 'react';
import { approveFilingRoute, rejectFilingRoute, returnFilingRoute, type FilingAction, type StaffFilingView } from '@shared/contract/http/filing';
import { checkForm, contractRule } from '@shared/forms';
import { CommentList } from '../actions/ReturnCommentFields';
import type { ReviewComment } from '../actions/review-actions';
import { useDecision } from '../actions/use-decision';
import { call } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { useLang, useT } from '../i18n';
import { filingFieldOptions, filingMaterialOptions } from './filing-paths';

type Decision = Exclude<FilingAction, 'submit' | 'resubmit'>;
interface DecisionForm {
  comment?: string;
  reason?: string;
  fields?: ReviewComment[];
  attachments?: ReviewComment[];
}

/** Every comment row as typed (an empty half is the contract's to refuse beside it, not ours to drop). */
const rows = (list: ReviewComment[] = []) => list.map((c) => ({ path: c.path ?? '', comment: c.comment?.trim() ?? '' }));
const returnBody = (v: DecisionForm) => ({ comment: v.comment?.trim() ?? '', fields: rows(v.fields), attachments: rows(v.attachments) }) as never;
const returnIssues = (v: DecisionForm) => checkForm(returnFilingRoute.body, returnBody(v)).issues;

export function FilingDecision({ filing, onChanged, onStale }: { filing: StaffFilingView; onChanged(next: StaffFilingView): void; onStale(): void }) {
  const t = useT();
  const [open, setOpen] = useState<Decision | null>(null);
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<DecisionForm>();
  const params = { filingId: filing.id };
  const { error, busy, submit } = useDecision({
    form,
    run: (v) =>
      open === 'return'
        ? call(returnFilingRoute, { params, body: returnBody(v) })
        : open === 'reject'
          ? call(rejectFilingRoute, { params, body: { reason: v.reason ?? '' } })
          : call(approveFilingRoute, { params, body: v.comment ? { comment: v.comment } : {} }),
    onDone: (next) => {
      setOpen(null);
      form.resetFields();
      onChanged(next);
    },
    success: t('filing.done'),
    onStale,
  });
  if (!filing.allowedActions.length) return null;
  const label: Record<Decision, string> = { approve: t('filing.approve'), return: t('filing.return'), reject: t('filing.reject') };
  const required = [{ required: true, whitespace: true, message: t('filing.commentRequired') }];
  const rule = (path: string) => contractRule(returnIssues, path, lang) as FormRule;
  return (
    <>
      <Space>
        {(['approve', 'return', 'reject'] as const)
          .filter((a) => filing.allowedActions.includes(a))
          .map((a) => (
            <Button key={a} type={a === 'approve' ? 'primary' : 'default'} danger={a === 'reject'} onClick={() => setOpen(a)}>
              {label[a]}
            </Button>
          ))}
      </Space>
      <Modal open={open !== null} title={open ? label[open] : ''} width={open === 'return' ? 860 : 520} onOk={() => void submit()} confirmLoading={busy} onCancel={() => setOpen(null)} destroyOnHidden>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          {open === 'reject' ? (
            <Form.Item name="reason" label={t('filing.reason')} rules={required}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          ) : open === 'return' ? (
            <>
              <CommentList name="fields" options={filingFieldOptions(t)} title="action.fieldComments" add="action.addFieldComment" pathLabel="action.fieldN" commentLabel="action.fieldCommentN" rule={rule} />
              <CommentList
                name="attachments"
                options={filingMaterialOptions(t)}
                title="action.attachmentComments"
                add="action.addAttachmentComment"
                pathLabel="action.attachmentN"
                commentLabel="action.attachmentCommentN"
                rule={rule}
              />
              <Form.Item name="comment" label={t('filing.comment')} dependencies={['fields', 'attachments']} rules={[rule('')]}>
                <Input.TextArea rows={3} maxLength={1000} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="comment" label={t('filing.comment')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
