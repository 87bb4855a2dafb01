/**
 * 启动资金拨付 on an application whose publicity period is over (finance and admins): a confirming dialog with an
 * optional comment. While the period lasts the button is disabled and says the date it opens (the contract's
 * `publicityOver`, the rule the server enforces with PUBLICITY_NOT_OVER — shown too if the clocks disagree).
 * Once opened, the card links to the disbursement.
 */
import { Alert, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { disbursementOpensOn, publicityOver, staffOpenDisbursementRoute } from '@shared/contract/http/disbursement';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { call } from '../api';
import type { StaffApplication } from '../detail/model';
import { ErrorAlert } from '../ErrorAlert';
import { useT } from '../i18n';
import { chinaToday } from '../disbursement/model';
import { canFinance } from '../roles';
import { disbursementHref } from '../router';
import { useSession } from '../session';
import { useDecision } from './use-decision';

const DISBURSING: readonly SubsidyStatus[] = ['disbursement_pending', 'receipt_submitted', 'receipt_returned', 'paid'];

function OpenDialog({ app, onClose, onStale }: { app: StaffApplication; onClose(): void; onStale(): void }) {
  const t = useT();
  const [form] = Form.useForm<{ comment?: string }>();
  const { error, busy, submit } = useDecision({
    form,
    run: (values) => call(staffOpenDisbursementRoute, { params: { applicationId: app.id }, body: { comment: values.comment?.trim() || undefined } }),
    onDone: (view) => {
      window.location.hash = disbursementHref(view.applicationId);
    },
    success: t('open.done'),
    onStale,
  });
  return (
    <Modal open title={t('open.button')} okText={t('open.ok')} cancelText={t('action.cancel')} okButtonProps={{ loading: busy }} onOk={() => void submit()} onCancel={onClose} maskClosable={false}>
      <Alert type="info" showIcon title={t('open.confirm')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical">
        <Form.Item label={t('action.comment')} name="comment">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}

export function OpenDisbursement({ app, onStale }: { app: StaffApplication; onStale(): void }) {
  const t = useT();
  const role = useSession((s) => s.session?.staff.role);
  const [open, setOpen] = useState(false);
  if (!role || !canFinance(role)) return null;
  if (DISBURSING.includes(app.status)) {
    return (
      <Card size="small" title={t('open.bar')} role="region" aria-label={t('open.bar')}>
        <Button href={disbursementHref(app.id)}>{t('open.view')}</Button>
      </Card>
    );
  }
  if (app.status !== 'publicity') return null;
  const endDate = app.publicity?.endDate ?? null;
  const over = publicityOver(endDate, chinaToday());
  return (
    <Card size="small" title={t('open.bar')} role="region" aria-label={t('open.bar')}>
      <Space wrap>
        <Button type="primary" disabled={!over} aria-describedby="open-disbursement-when" onClick={() => setOpen(true)}>
          {t('open.button')}
        </Button>
        <Typography.Text type="secondary" id="open-disbursement-when">
          {over || !endDate ? t('open.hint') : t('open.notYet', { end: endDate, opens: disbursementOpensOn(endDate) })}
        </Typography.Text>
      </Space>
      {open ? <OpenDialog app={app} onClose={() => setOpen(false)} onStale={onStale} /> : null}
    </Card>
  );
}
