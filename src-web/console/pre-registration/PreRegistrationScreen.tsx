/**
 * One pre-registration for support staff: what the clerk typed (the checks the server already passed are said),
 * the stamped documents to view, the history of refusals and corrections, and approve / refuse.
 */
import { Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import {
  approvePreRegistrationRoute,
  refusePreRegistrationRoute,
  staffGetPreRegistrationRoute,
  staffPreRegistrationFileRoute,
  type StaffPreRegistration,
} from '@shared/contract/http/pre-registration';
import { call, callBlob } from '../api';
import { AttachmentPreview, type PreviewTarget } from '../detail/AttachmentPreview';
import { ErrorAlert } from '../ErrorAlert';
import { useT } from '../i18n';
import { preRegistrationQueueHref } from '../router';
import { useRemote } from '../use-remote';
import { RequestHistory, ScanList } from './RequestRecord';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { PreRegistrationStatusTag } from './PreRegistrationStatusTag';

export function PreRegistrationScreen({ id }: { id: string }) {
  const t = useT();
  const load = useCallback(() => call(staffGetPreRegistrationRoute, { params: { preRegistrationId: id } }), [id]);
  const { data: request, error, replace, reload } = useRemote<StaffPreRegistration>(load, id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const back = <Button href={preRegistrationQueueHref}>{t('prereg.back')}</Button>;
  if (!request) {
    return error ? <Result status="warning" title={<ErrorAlert error={error} />} extra={back} /> : <Skeleton active aria-label={t('detail.loading')} />;
  }
  const { form } = request;
  const show = (a: StaffPreRegistration['attachments'][number]) =>
    setPreview({
      enterpriseId: '',
      sha256: a.sha256,
      mediaType: a.mediaType,
      name: t(`prereg.req.${a.requirement}`),
      load: async () => URL.createObjectURL(await callBlob(staffPreRegistrationFileRoute, { preRegistrationId: id, sha256: a.sha256 }, a.mediaType)),
    });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {form.enterprise.name}
        </Typography.Title>
        <PreRegistrationStatusTag status={request.status} />
        <Typography.Text type="secondary">{t('prereg.referenceIs', { reference: request.reference })}</Typography.Text>
      </Space>
      <ErrorAlert error={error} />
      {request.allowedActions.length ? (
        <Space>
          <Button type="primary" onClick={() => setDecision('approve')}>
            {t('prereg.action.approve')}
          </Button>
          <Button danger onClick={() => setDecision('refuse')}>
            {t('prereg.action.refuse')}
          </Button>
        </Space>
      ) : null}
      {request.refusalReason ? <Typography.Text type="warning">{t('prereg.refusedWith', { reason: request.refusalReason })}</Typography.Text> : null}
      <Card size="small" title={t('prereg.section.enterprise')}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('detail.uscc')}>{form.enterprise.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('prereg.address')}>{form.enterprise.address}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('prereg.checksPassed')}</Typography.Text>
      </Card>
      <Card size="small" title={t('prereg.section.people')}>
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('prereg.legalRepresentative')}>{form.legalRepresentative.name}</Descriptions.Item>
          <Descriptions.Item label={t('prereg.idNumber')}>{form.legalRepresentative.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('prereg.mobile')}>{form.legalRepresentative.mobile}</Descriptions.Item>
          <Descriptions.Item label={t('prereg.administrator')}>{form.administrator.name}</Descriptions.Item>
          <Descriptions.Item label={t('prereg.idNumber')}>{form.administrator.idNumber}</Descriptions.Item>
          <Descriptions.Item label={t('prereg.mobile')}>{request.administratorMobile}</Descriptions.Item>
          <Descriptions.Item label={t('prereg.email')}>{form.administrator.email ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ScanList scans={request.attachments} nameOf={(a) => t(`prereg.req.${a.requirement}`)} onView={show} />
      <RequestHistory history={request.history} />
      <AttachmentPreview target={preview} onClose={() => setPreview(null)} />
      {decision ? (
        <DecisionDialog<StaffPreRegistration>
          decision={decision}
          confirmation={t(`prereg.confirm.${decision}`, { mobile: request.administratorMobile })}
          approve={() => call(approvePreRegistrationRoute, { params: { preRegistrationId: id } })}
          refuse={(reason) => call(refusePreRegistrationRoute, { params: { preRegistrationId: id }, body: { reason } })}
          onClose={() => setDecision(null)}
          onDone={(r) => {
            setDecision(null);
            replace(r);
          }}
          onStale={reload}
        />
      ) : null}
    </Space>
  );
}
