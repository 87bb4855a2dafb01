/** Approve (confirm: the enterprise and its accounts are created, the passwords go by SMS) or refuse with a reason. */
import { Alert, Form, Input, Modal, type FormRule } from 'antd';
import { refusePreRegistrationRoute, approvePreRegistrationRoute, type StaffPreRegistration } from '@shared/contract/http/pre-registration';
import { checkForm, contractRule } from '@shared/forms';
import { call } from '../api';
import { useDecision } from '../actions/use-decision';
import { ErrorAlert } from '../ErrorAlert';
import { useLang, useT } from '../i18n';

export type Decision = 'approve' | 'refuse';

export function DecisionDialog(props: { decision: Decision; request: StaffPreRegistration; onClose(): void; onDone(r: StaffPreRegistration): void; onStale(): void }) {
  const { decision, request } = props;
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<{ reason?: string }>();
  const params = { preRegistrationId: request.preRegistrationId };
  const { error, busy, submit } = useDecision({
    form,
    run: (values) =>
      decision === 'approve' ? call(approvePreRegistrationRoute, { params }) : call(refusePreRegistrationRoute, { params, body: { reason: values.reason ?? '' } }),
    onDone: props.onDone,
    success: t(`prereg.done.${decision}`),
    onStale: props.onStale,
  });
  // The route's own body schema checks the reason, as the server will.
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
      <Alert
        type={decision === 'refuse' ? 'warning' : 'info'}
        showIcon
        title={t(`prereg.confirm.${decision}`, { mobile: request.administratorMobile })}
        style={{ marginBottom: 16 }}
      />
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
