import { Spin, Tag, Timeline, Typography, Space } from 'antd';
import type { SubsidyTimelineEntry } from '@shared/contract/client-api';
import { isMessageKey } from '@shared/i18n/messages';
import type { AppError } from '@shared/contract/result';
import { formatFen } from '@shared/subsidy/amount';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { dateTime, pathLabel, STATUS_COLOR } from './status';

/**
 * 办理进度: every state of an application with its actor, comment and details (amounts, publicity dates, a
 * reviewer's comments per field, what a resubmission changed). Shared by the application and the disbursement.
 */
export function SubsidyTimeline(props: { entries: readonly SubsidyTimelineEntry[] | null; error?: AppError | null; onRetry?: () => void; title?: string }) {
  const t = useT();
  const { entries } = props;
  return (
    <section aria-labelledby="subsidy-timeline" style={{ marginTop: 24 }} data-testid="timeline">
      <Typography.Title level={3} id="subsidy-timeline" style={{ fontSize: 16 }}>
        {props.title ?? t('subsidy.detail.timeline')}
      </Typography.Title>
      <ErrorAlert error={props.error ?? null} {...(props.onRetry ? { onRetry: props.onRetry } : {})} />
      {entries === null && !props.error ? (
        <Spin />
      ) : (
        <Timeline
          items={(entries ?? []).map((e, i) => ({
            key: `${e.at}-${i}`,
            color: STATUS_COLOR[e.status] === 'warning' ? 'orange' : STATUS_COLOR[e.status] === 'error' ? 'red' : STATUS_COLOR[e.status] === 'success' ? 'green' : 'blue',
            content: <TimelineEntry entry={e} />,
          }))}
        />
      )}
    </section>
  );
}

/** Steps whose amount is the one being paid out, not the one approved. */
const PAYMENT_ACTIONS: ReadonlySet<string> = new Set(['openDisbursement', 'acceptReceipt']);

function TimelineEntry({ entry: e }: { entry: SubsidyTimelineEntry }) {
  const t = useT();
  const d = e.details ?? {};
  const ret = d as { fields?: { path: string; comment: string }[]; attachments?: { path: string; comment: string }[] };
  const changes = (d as { changes?: { fields: string[]; attachments: string[] } }).changes;
  const actionKey = `subsidy.action.${e.action}`;
  return (
    <div>
      <Space size={8} wrap>
        <Tag color={STATUS_COLOR[e.status]}>{t(`subsidy.status.${e.status}`)}</Tag>
        <Typography.Text strong>{t('subsidy.timeline.entry', { action: isMessageKey(actionKey) ? t(actionKey) : e.action, actor: e.actor.name })}</Typography.Text>
        <Typography.Text type="secondary">{dateTime(e.at)}</Typography.Text>
      </Space>
      {e.comment && <div>{e.comment}</div>}
      {typeof d.amountFen === 'number' && (
        <div>{t(PAYMENT_ACTIONS.has(e.action) ? 'subsidy.timeline.disbursedAmount' : 'subsidy.timeline.amount', { amount: formatFen(d.amountFen) })}</div>
      )}
      {typeof d.amountRequestedFen === 'number' && typeof d.version === 'number' && (
        <div>{t('subsidy.timeline.requested', { amount: formatFen(d.amountRequestedFen), version: d.version })}</div>
      )}
      {typeof d.startDate === 'string' && typeof d.endDate === 'string' && <div>{t('subsidy.detail.publicityDates', { start: d.startDate, end: d.endDate })}</div>}
      {e.action === 'return' && (
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {[...(ret.fields ?? []), ...(ret.attachments ?? [])].map((c) => (
            <li key={c.path}>{t('subsidy.detail.commentOn', { field: pathLabel(c.path, t), comment: c.comment })}</li>
          ))}
        </ul>
      )}
      {changes && changes.fields.length + changes.attachments.length > 0 && (
        <div>
          {t('subsidy.detail.commentOn', { field: t('subsidy.detail.changes'), comment: [...changes.fields, ...changes.attachments].map((p) => pathLabel(p, t)).join(t('list.separator')) })}
        </div>
      )}
    </div>
  );
}
