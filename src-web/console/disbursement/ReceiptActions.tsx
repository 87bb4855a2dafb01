/** Finance's decision on the stamped receipt: 收据审核通过 (paid) or 退回 with a reason, each behind a confirming dialog. */
import { Alert, Button, Card, Form, Input, Modal, Space, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { staffAcceptReceiptRoute, staffReturnReceiptRoute } from '@shared/contract/http/disbursement';
import { checkForm, contractRule } from '@shared/forms';
import { useDecision } from '../actions/use-decision';
import { call } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { useLang, useT } from '../i18n';
import type { ReceiptAction, StaffDisbursement } from './model';

/** The two routes' bodies, as the dialog collects them. */
type DecisionForm = Partial<z.input<typeof staffAcceptReceiptRoute.body> & z.input<typeof staffReturnReceiptRoute.body>>;

const returnBody = (f: DecisionForm) => ({ reason: f.reason?.trim() ?? '' });

function run(action: ReceiptAction, applicationId: string, f: DecisionForm): Promise<StaffDisbursement> {
  const params = { applicationId };
  return action === 'acceptReceipt'
    ? call(staffAcceptReceiptRoute, { params, body: { comment: f.comment?.trim() || undefined } })
    : call(staffReturnReceiptRoute, { params, body: returnBody(f) });
}

function DecisionDialog({ action, view, onClose, onDone, onStale }: { action: ReceiptAction; view: StaffDisbursement; onClose(): void; onDone(v: StaffDisbursement): void; onStale(): void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<DecisionForm>();
  // The return route's body schema says what a reason must be, here as on the server.
  const reasonRule = contractRule((v: DecisionForm) => checkForm(staffReturnReceiptRoute.body, returnBody(v)).issues, 'reason', lang) as FormRule;
  const { error, busy, submit } = useDecision({
    form,
    run: (values) => run(action, view.applicationId, values),
    onDone,
    success: t(`disb.action.done.${action}`),
    onStale,
  });

  return (
    <Modal
      open
      title={t(`disb.action.${action}`)}
      okText={t(`disb.action.ok.${action}`)}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: action === 'returnReceipt', loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Alert type={action === 'returnReceipt' ? 'warning' : 'info'} showIcon title={t(`disb.action.confirm.${action}`)} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false}>
        {action === 'acceptReceipt' ? (
          <Form.Item label={t('action.comment')} name="comment">
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        ) : (
          <Form.Item label={t('disb.action.reason')} name="reason" rules={[reasonRule]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
        )}
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}

export function ReceiptActions({ view, onChanged, onStale }: { view: StaffDisbursement; onChanged(v: StaffDisbursement): void; onStale(): void }) {
  const t = useT();
  const [open, setOpen] = useState<ReceiptAction | null>(null);
  const idle = view.status === 'paid' ? t('disb.action.paid') : t('disb.action.waiting');
  return (
    <Card size="small" title={t('disb.action.bar')} role="region" aria-label={t('disb.action.bar')}>
      {view.allowedActions.length === 0 ? (
        <Typography.Text type="secondary">{idle}</Typography.Text>
      ) : (
        <Space wrap>
          {view.allowedActions.map((a) => (
            <Button key={a} type={a === 'acceptReceipt' ? 'primary' : 'default'} danger={a === 'returnReceipt'} onClick={() => setOpen(a)}>
              {t(`disb.action.${a}`)}
            </Button>
          ))}
        </Space>
      )}
      {open ? (
        <DecisionDialog
          action={open}
          view={view}
          onClose={() => setOpen(null)}
          onStale={onStale}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
        />
      ) : null}
    </Card>
  );
}
