/** One application: what the enterprise signed, its files, signature, timeline and audit trail, and the actions allowed now. */
import { Button, Descriptions, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useCallback } from 'react';
import { staffGetSubsidyRoute } from '@shared/contract/http/subsidy';
import { ActionBar } from '../actions/ActionBar';
import { OpenDisbursement } from '../actions/OpenDisbursement';
import { call } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { dateTime } from '../format';
import { useT } from '../i18n';
import { canReview } from '../roles';
import { disbursementQueueHref, queueHref } from '../router';
import { useSession } from '../session';
import { StatusTag } from '../StatusTag';
import { ApplicationInfo } from './ApplicationInfo';
import { AttachmentsTab } from './AttachmentsTab';
import { AuditTab } from './AuditTab';
import { signedForm, type StaffApplication } from './model';
import { SignatureTab } from './SignatureTab';
import { TimelineTab } from './TimelineTab';
import { useRemote } from '../use-remote';

export function ApplicationScreen({ id }: { id: string }) {
  const t = useT();
  const load = useCallback(() => call(staffGetSubsidyRoute, { params: { applicationId: id } }), [id]);
  const { data: app, error, replace, reload } = useRemote<StaffApplication>(load, id);

  const role = useSession((st) => st.session?.staff.role);
  // Finance comes here from its own desk (to open a disbursement) and goes back there; the audit trail is the reviewers'.
  const reviewer = role !== undefined && canReview(role);
  const back = <Button href={reviewer ? queueHref : disbursementQueueHref}>{t(reviewer ? 'detail.back' : 'disb.back')}</Button>;
  if (!app) {
    return error ? (
      <Result status="warning" title={<ErrorAlert error={error} />} extra={back} />
    ) : (
      <Skeleton active aria-label={t('detail.loading')} />
    );
  }

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {app.enterprise.name}
        </Typography.Title>
        <StatusTag status={app.status} />
        {app.version > 0 ? <Typography.Text type="secondary">{t('detail.version', { version: app.version })}</Typography.Text> : null}
      </Space>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('detail.uscc')}>{app.enterprise.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('queue.submittedAt')}>{dateTime(app.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('queue.talents')}>{signedForm(app)?.talents.length ?? '—'}</Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={error} />
      <ActionBar app={app} onChanged={replace} onStale={reload} />
      <OpenDisbursement app={app} onStale={reload} />
      <Tabs
        aria-label={t('detail.tabs')}
        items={[
          { key: 'application', label: t('detail.tab.application'), children: <ApplicationInfo app={app} /> },
          { key: 'attachments', label: t('detail.tab.attachments'), children: <AttachmentsTab app={app} /> },
          { key: 'signature', label: t('detail.tab.signature'), children: <SignatureTab app={app} /> },
          { key: 'timeline', label: t('detail.tab.timeline'), children: <TimelineTab app={app} /> },
          ...(reviewer ? [{ key: 'audit', label: t('detail.tab.audit'), children: <AuditTab id={app.id} version={app.updatedAt} /> }] : []),
        ]}
      />
    </Space>
  );
}
