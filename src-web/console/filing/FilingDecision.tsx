/** 审核通过 / 退回修改 / 不予通过 on a filing, each confirmed in a dialog (a comment or reason where one is needed). */
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { approveFilingRoute, rejectFilingRoute, returnFilingRoute, type FilingAction, type StaffFilingView } from '@shared/contract/http/filing';
import { useDecision } from '../actions/use-decision';
import { call } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { useT } from '../i18n';

type Decision = Exclude<FilingAction, 'submit' | 'resubmit'>;

export function FilingDecision({ filing, onChanged, onStale }: { filing: StaffFilingView; onChanged(next: StaffFilingView): void; onStale(): void }) {
  const t = useT();
  const [open, setOpen] = useState<Decision | null>(null);
  const [form] = Form.useForm<{ comment?: string; reason?: string }>();
  const params = { filingId: filing.id };
  const { error, busy, submit } = useDecision({
    form,
    run: (v) =>
      open === 'return'
        ? call(returnFilingRoute, { params, body: { comment: v.comment ?? '', fields: [], attachments: [] } })
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
      <Modal open={open !== null} title={open ? label[open] : ''} onOk={() => void submit()} confirmLoading={busy} onCancel={() => setOpen(null)} destroyOnHidden>
        <ErrorAlert error={error} />
        <Form form={form} layout="vertical">
          {open === 'reject' ? (
            <Form.Item name="reason" label={t('filing.reason')} rules={required}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          ) : (
            <Form.Item name="comment" label={t('filing.comment')} rules={open === 'return' ? required : []}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
