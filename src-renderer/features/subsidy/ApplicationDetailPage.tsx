import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SubsidyTimelineEntry } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { formatFen } from '@shared/subsidy/amount';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { useSubsidyApplication } from '../../state/subsidy-application';
import { pathLabel, shortId, STATUS_COLOR } from './status';
import { pdfFile, Printout } from './Printout';
import { SubsidyTimeline } from './SubsidyTimeline';

const WITHDRAWABLE = new Set(['draft', 'submitted', 'accepted', 'returned', 'resubmitted']);

/**
 * One application: its state, amounts, the reviewer's comments while it is returned (by the field or attachment they
 * concern), and the timeline of every state with its actor and comment. From here a draft is continued and a
 * returned application corrected and resubmitted.
 */
export default function ApplicationDetailPage() {
  const t = useT();
  const { message } = App.useApp();
  const go = useRouter((s) => s.go);
  const { applicationId, app, error, open, setApp } = useSubsidyApplication();
  const [entries, setEntries] = useState<SubsidyTimelineEntry[] | null>(null);
  const [timelineError, setTimelineError] = useState<AppError | null>(null);
  const [actionError, setActionError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    if (!applicationId) return;
    void open(applicationId);
    const r = await call((api) => api.subsidy.timeline({ applicationId }));
    if (r.ok) setEntries(r.value.entries);
    else setTimelineError(r.error);
  }, [applicationId, open]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the application and its timeline on opening
    void load();
  }, [load]);

  if (!applicationId) return null;
  if (!app) {
    return <Card>{error ? <ErrorAlert error={error} onRetry={() => void load()} /> : <Spin description={t('app.loading')} />}</Card>;
  }

  const withdraw = async () => {
    setActionError(null);
    const r = await call((api) => api.subsidy.withdraw({ applicationId: app.id }));
    if (!r.ok) {
      setActionError(r.error);
      return;
    }
    setApp(r.value);
    void message.success(t('subsidy.detail.withdrawn'));
    void load();
  };
  const money = (fen: number | null) => (fen === null ? '—' : `¥${formatFen(fen)}`);
  const contact = (app.form.contact ?? {}) as { name?: string; mobile?: string; email?: string };
  const rc = app.status === 'returned' ? app.returnComments : null;

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('subsidy-list')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.list')}
      </Button>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('subsidy.detail.title')} <Typography.Text code>{shortId(app.id)}</Typography.Text>
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'status', label: t('subsidy.detail.status'), children: <Tag color={STATUS_COLOR[app.status]} data-testid="subsidy-status">{t(`subsidy.status.${app.status}`)}</Tag> },
          // The name it was filed under: a renamed enterprise's earlier applications keep the old one (account requests).
          { key: 'enterprise', label: t('acctreq.appliedAs'), children: <span data-testid="subsidy-enterprise-name">{app.enterprise.name}</span> },
          { key: 'version', label: t('subsidy.detail.version'), children: app.version },
          { key: 'talents', label: t('subsidy.detail.talents'), children: Array.isArray(app.form.talents) ? app.form.talents.length : 0 },
          { key: 'contact', label: t('subsidy.detail.contact'), children: [contact.name, contact.mobile, contact.email].filter(Boolean).join(' · ') || '—' },
          { key: 'requested', label: t('subsidy.detail.requested'), children: money(app.amountRequestedFen) },
          { key: 'approved', label: t('subsidy.detail.approved'), children: money(app.amountApprovedFen) },
          ...(app.publicity
            ? [{ key: 'publicity', label: t('subsidy.detail.publicity'), children: t('subsidy.detail.publicityDates', { start: app.publicity.startDate, end: app.publicity.endDate }) }]
            : []),
          ...(app.rejectReason ? [{ key: 'reject', label: t('subsidy.detail.rejectReason'), children: app.rejectReason, span: 2 }] : []),
        ]}
      />

      {rc && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('subsidy.detail.returnComments')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} aria-label={t('subsidy.detail.returnComments')}>
              {rc.comment && <li>{t('subsidy.detail.commentOn', { field: t('subsidy.detail.overall'), comment: rc.comment })}</li>}
              {[...rc.fields, ...rc.attachments].map((c) => (
                <li key={c.path}>{t('subsidy.detail.commentOn', { field: pathLabel(c.path, t), comment: c.comment })}</li>
              ))}
            </ul>
          }
        />
      )}

      <ErrorAlert error={actionError} style={{ marginTop: 16 }} />
      <Space style={{ marginTop: 16 }} wrap>
        {app.status === 'draft' && (
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => go('subsidy-form')}>
            {t('subsidy.detail.edit')}
          </Button>
        )}
        {app.status === 'returned' && (
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => go('subsidy-form')}>
            {t('subsidy.detail.fix')}
          </Button>
        )}
        {app.submittedAt && (
          <Printout label={t('forms.print.copy')} testId="print-copy" generate={async () => pdfFile(await call((api) => api.subsidy.printCopy({ applicationId: app.id })))} />
        )}
        {WITHDRAWABLE.has(app.status) && (
          <Popconfirm title={t('subsidy.detail.withdrawConfirm')} okText={t('subsidy.detail.withdraw')} cancelText={t('subsidy.talent.removeCancel')} onConfirm={() => void withdraw()}>
            <Button danger>{t('subsidy.detail.withdraw')}</Button>
          </Popconfirm>
        )}
      </Space>

      <SubsidyTimeline entries={entries} error={timelineError} onRetry={() => void load()} />
    </Card>
  );
}
