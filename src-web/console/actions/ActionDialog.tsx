/** Confirms one review action, collects what it needs, and shows the server's error by code if it is refused. */
import { Alert, Form, Input, InputNumber, Modal, type FormRule } from 'antd';
import { contractRule } from '@shared/forms';
import type { StaffApplication } from '../detail/model';
import { ErrorAlert } from '../ErrorAlert';
import { localDate, yuan } from '../format';
import { useLang, useT } from '../i18n';
import { ReturnCommentFields } from './ReturnCommentFields';
import { reviewIssues, runReviewAction, type ReviewAction, type ReviewForm } from './review-actions';
import { useDecision } from './use-decision';

interface Props {
  action: ReviewAction;
  app: StaffApplication;
  onClose(): void;
  onDone(app: StaffApplication): void;
  /** The application changed under the reviewer (another reviewer acted): reload it. */
  onStale(): void;
}

export function ActionDialog({ action, app, onClose, onDone, onStale }: Props) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<ReviewForm>();
  // The route's own body schema checks each field, as the server will.
  const rule = (path: string) => contractRule((values: ReviewForm) => reviewIssues(action, values), path, lang) as FormRule;
  const requested = app.amountRequestedFen ?? 0;
  const { error, busy, submit } = useDecision({
    form,
    run: (values) => runReviewAction(action, app.id, values),
    onDone,
    success: t('action.done', { action: t(`action.${action}`) }),
    onStale,
  });

  const initial: ReviewForm = {
    amountYuan: requested / 100,
    startDate: localDate(),
    endDate: localDate(7),
    fields: [],
    attachments: [],
  };
  const commentField = (
    <Form.Item label={t('action.comment')} name="comment">
      <Input.TextArea rows={3} maxLength={1000} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t(`action.${action}`)}
      okText={t(`action.ok.${action}`)}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: action === 'reject', loading: busy }}
      onOk={() => void submit()}
      onCancel={onClose}
      width={action === 'return' ? 860 : 560}
      maskClosable={false}
    >
      <Alert type={action === 'reject' ? 'warning' : 'info'} showIcon title={t(`action.confirm.${action}`)} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={initial} requiredMark={false}>
        {action === 'accept' ? commentField : null}
        {action === 'return' ? <ReturnCommentFields app={app} /> : null}
        {action === 'approve' ? (
          <>
            <Form.Item
              label={t('action.amount')}
              name="amountYuan"
              extra={t('action.amountMax', { amount: yuan(requested) })}
              rules={[
                { required: true, message: t('action.amountRequired') },
                rule('amountFen'),
                // At most the amount requested: the server's decision rule, said here before sending.
                { type: 'number', max: requested / 100, message: t('action.amountTooHigh') },
              ]}
            >
              <InputNumber min={0} max={requested / 100} precision={2} step={100} prefix="¥" style={{ width: 240 }} />
            </Form.Item>
            {commentField}
          </>
        ) : null}
        {action === 'reject' ? (
          <Form.Item label={t('action.reason')} name="reason" rules={[rule('reason')]}>
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
        ) : null}
        {action === 'startPublicity' ? (
          <>
            <Form.Item label={t('action.startDate')} name="startDate" rules={[rule('startDate')]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item
              label={t('action.endDate')}
              name="endDate"
              dependencies={['startDate']}
              rules={[rule('endDate')]}
            >
              <Input type="date" />
            </Form.Item>
          </>
        ) : null}
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
