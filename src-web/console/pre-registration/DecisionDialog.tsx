/**
 * Approve (after a confirmation of what approval does) or refuse with a reason the filer sees: the decision of the
 * request queues (预注册审核, 账户申请审核), each passing its own calls and confirmation.
 */
import { Alert, Form, Input, Modal, type FormRule } from 'antd';
import { refusePreRegistrationRoute } from '@shared/contract/http/pre-registration';
import { checkForm, contractRule } from '@shared/forms';
import { useDecision } from '../actions/use-decision';
import { ErrorAlert } from '../ErrorAlert';
import { useLang, useT } from '../i18n';

export type Decision = 'approve' | 'refuse';

export function DecisionDialog<R>(props: {
  decision: Decision;
  /** What the decision does, said before it is made. */
  confirmation: string;
  /** Said once it is done (pre-registration's own text when not given). */
  done?: string;
  approve(): Promise<R>;
  refuse(reason: string): Promise<R>;
  onClose(): void;
  onDone(r: R): void;
  onStale(): void;
}) {
  const { decision } = props;
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<{ reason?: string }>();
  const { error, busy, submit } = useDecision({
    form,
    run: (values) => (decision === 'approve' ? props.approve() : props.refuse(values.reason ?? '')),
    onDone: props.onDone,
    success: props.done ?? t(`prereg.done.${decision}`),
    onStale: props.onStale,
  });
  // The route's own body schema checks the reason, as the server will (every queue's refusal takes this body).
  const reasonRule = contractRule((v: { reason?: string }) => (checkForm(refusePreRegistrationRoute.body, { reason: v.reason ?? '' }).issues), 'reason', lang) as FormRule;
  return (
    <Modal
      open
      title={t(`prereg.action.${decision}`)}
      okText={t(`prereg.action.${decision}`)}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: decision === 'refuse', loading: busy }}
      onOk={() => void submit()}
      onCancel={props.onClose}
      maskClosable={false}
    >
      <Alert type={decision === 'refuse' ? 'warning' : 'info'} showIcon title={props.confirmation} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" requiredMark={false}>
        {decision === 'refuse' ? (
          <Form.Item label={t('prereg.reason')} name="reason" rules={[reasonRule]} extra={t('prereg.reasonHelp')}>
            <Input.TextArea rows={4} maxLength={500} />
          </Form.Item>
        ) : null}
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
