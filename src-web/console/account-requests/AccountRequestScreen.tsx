/**
 * One request to the portal staff: what changes (the enterprise today beside what is asked; for a name or address
 * change the registry's advice), the stamped documents, the history, and approve / refuse.
 */
import { Alert, Button, Result, Skeleton, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import {
  approveAccountRequestRoute,
  refuseAccountRequestRoute,
  staffAccountRequestFileRoute,
  staffGetAccountRequestRoute,
  type StaffAccountRequest,
} from '@shared/contract/http/account-requests';
import { call, callBlob } from '../api';
import { AttachmentPreview, type PreviewTarget } from '../detail/AttachmentPreview';
import { ErrorAlert } from '../ErrorAlert';
import { useT } from '../i18n';
import { DecisionDialog, type Decision } from '../pre-registration/DecisionDialog';
import { PreRegistrationStatusTag } from '../pre-registration/PreRegistrationStatusTag';
import { accountRequestQueueHref } from '../router';
import { useRemote } from '../use-remote';
import { RequestHistory, ScanList } from '../pre-registration/RequestRecord';
import { AccountRequestChange } from './AccountRequestChange';

export function AccountRequestScreen({ id }: { id: string }) {
  const t = useT();
  const load = useCallback(() => call(staffGetAccountRequestRoute, { params: { requestId: id } }), [id]);
  const { data: request, error, replace, reload } = useRemote(load, id);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const back = <Button href={accountRequestQueueHref}>{t('acctreq.back')}</Button>;
  if (!request) {
    return error ? <Result status="warning" title={<ErrorAlert error={error} />} extra={back} /> : <Skeleton active aria-label={t('detail.loading')} />;
  }
  const show = (a: StaffAccountRequest['attachments'][number]) =>
    setPreview({
      enterpriseId: '',
      sha256: a.sha256,
      mediaType: a.mediaType,
      name: t(`acctreq.req.${a.requirement}`),
      load: async () => URL.createObjectURL(await callBlob(staffAccountRequestFileRoute, { requestId: id, sha256: a.sha256 }, a.mediaType)),
    });
  const params = { requestId: id };
  const confirmation =
    decision === 'refuse' ? t('acctreq.confirm.refuse', { mobile: request.filerMobile }) : t(`acctreq.confirm.approve.${request.kind}`, { mobile: request.form.kind === 'enterpriseChange' ? '' : request.form.administrator.mobile });

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('acctreq.title', { kind: t(`acctreq.kind.${request.kind}`), name: request.enterpriseName })}
        </Typography.Title>
        <PreRegistrationStatusTag status={request.status} />
        <Typography.Text type="secondary">{t('prereg.referenceIs', { reference: request.reference })}</Typography.Text>
      </Space>
      <ErrorAlert error={error} />
      {request.enterprise ? null : <Alert type="warning" showIcon title={t('acctreq.noEnterprise', { uscc: request.form.enterprise.uscc })} />}
      {request.allowedActions.length ? (
        <Space>
          <Button type="primary" onClick={() => setDecision('approve')} disabled={!request.enterprise}>
            {t('prereg.action.approve')}
          </Button>
          <Button danger onClick={() => setDecision('refuse')}>
            {t('prereg.action.refuse')}
          </Button>
        </Space>
      ) : null}
      {request.refusalReason ? <Typography.Text type="warning">{t('prereg.refusedWith', { reason: request.refusalReason })}</Typography.Text> : null}
      <AccountRequestChange request={request} />
      <ScanList scans={request.attachments} nameOf={(a) => t(`acctreq.req.${a.requirement}`)} onView={show} />
      <RequestHistory history={request.history} />
      <AttachmentPreview target={preview} onClose={() => setPreview(null)} />
      {decision ? (
        <DecisionDialog<StaffAccountRequest>
          decision={decision}
          confirmation={confirmation}
          done={t(`acctreq.done.${decision}`)}
          approve={() => call(approveAccountRequestRoute, { params })}
          refuse={(reason) => call(refuseAccountRequestRoute, { params, body: { reason } })}
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
