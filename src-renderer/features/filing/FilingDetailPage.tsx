import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ClientResults } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useFiling } from '../../state/filing';
import { useRouter } from '../../state/router';
import { dateTime, shortId, STATUS_COLOR } from '../subsidy/status';
import { SubsidyTimeline } from '../subsidy/SubsidyTimeline';

type Entry = ClientResults['filing']['timeline']['entries'][number];

/**
 * One filing: its state, the staff comment while it is returned, and the timeline of every state with its actor and
 * comment. From here a draft is continued and a returned filing corrected, generated and signed again, resubmitted.
 */
export default function FilingDetailPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { filingId, view, error, open } = useFiling();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [timelineError, setTimelineError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    if (!filingId) return;
    void open(filingId);
    const r = await call((api) => api.filing.timeline({ filingId }));
    if (r.ok) setEntries(r.value.entries);
    else setTimelineError(r.error);
  }, [filingId, open]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the filing and its timeline on opening
    void load();
  }, [load]);

  if (!filingId) return null;
  if (!view) {
    return <Card>{error ? <ErrorAlert error={error} onRetry={() => void load()} /> : <Spin description={t('app.loading')} />}</Card>;
  }
  const project = (view.form.project ?? {}) as { name?: string };
  const rc = view.status === 'returned' ? view.returnComments : null;

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('filing-list')} style={{ paddingLeft: 0 }}>
        {t('filing.nav.list')}
      </Button>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('filing.detail.title')} <Typography.Text code>{shortId(view.id)}</Typography.Text>
      </Typography.Title>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'status', label: t('subsidy.detail.status'), children: <Tag color={STATUS_COLOR[view.status]} data-testid="filing-status">{t(`subsidy.status.${view.status}`)}</Tag> },
          { key: 'project', label: t('filing.list.project'), children: project.name || '—' },
          { key: 'enterprise', label: t('filing.form.applicant'), children: view.enterprise.name },
          { key: 'version', label: t('subsidy.detail.version'), children: view.version },
          { key: 'submittedAt', label: t('subsidy.list.submittedAt'), children: dateTime(view.submittedAt) },
          ...(view.rejectReason ? [{ key: 'reject', label: t('subsidy.detail.rejectReason'), children: view.rejectReason, span: 2 }] : []),
        ]}
      />
      {rc && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('subsidy.detail.returnComments')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="filing-return-comments">
              {rc.comment && <li>{rc.comment}</li>}
              {[...rc.fields, ...rc.attachments].map((c) => (
                <li key={c.path}>{`${c.path}: ${c.comment}`}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space style={{ marginTop: 16 }} wrap>
        {(view.status === 'draft' || view.status === 'returned') && (
          <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={() => go('filing-form')} data-testid="filing-edit">
            {view.status === 'returned' ? t('subsidy.detail.fix') : t('subsidy.detail.edit')}
          </Button>
        )}
      </Space>
      <SubsidyTimeline entries={entries} error={timelineError} onRetry={() => void load()} />
    </Card>
  );
}
