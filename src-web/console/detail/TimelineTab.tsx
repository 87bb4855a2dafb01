/** Every state the application went through, oldest first, with who did it, their comments and the details. */
import { Space, Timeline, Typography } from 'antd';
import { subsidyReturnSchema } from '@shared/contract/http/subsidy';
import { dateOnly, dateTime, yuan } from '../format';
import { useT } from '../i18n';
import type { MessageKey } from '../messages';
import { StatusTag } from '../StatusTag';
import type { StaffApplication } from './model';
import { ReturnCommentsList } from './ReturnCommentsList';

type Entry = StaffApplication['timeline'][number];

function Details({ entry }: { entry: Entry }) {
  const t = useT();
  const d = entry.details ?? {};
  if (entry.action === 'openDisbursement') return typeof d.publicityEnd === 'string' ? <div>{t('timeline.publicityEnd', { date: dateOnly(d.publicityEnd) })}</div> : null;
  if (entry.action === 'submitReceipt') {
    return d.source === 'pc' || d.source === 'phone' ? <div>{t('timeline.receiptSource', { source: t(`disb.source.${d.source}`) })}</div> : null;
  }
  if (entry.action === 'acceptReceipt') return typeof d.amountFen === 'number' ? <div>{t('timeline.paidAmount', { amount: yuan(d.amountFen) })}</div> : null;
  if (entry.action === 'return') {
    const parsed = subsidyReturnSchema.safeParse({ comment: '', fields: [], attachments: [], ...d });
    return parsed.success ? <ReturnCommentsList comments={{ ...parsed.data, comment: '' }} /> : null;
  }
  if (typeof d.amountFen === 'number') return <div>{t('timeline.approvedAmount', { amount: yuan(d.amountFen) })}</div>;
  if (typeof d.startDate === 'string' && typeof d.endDate === 'string') {
    return <div>{t('timeline.publicity', { start: dateOnly(d.startDate), end: dateOnly(d.endDate) })}</div>;
  }
  return null;
}

export function TimelineTab({ app }: { app: StaffApplication }) {
  return <TimelineList timeline={app.timeline} />;
}

/** The application's timeline (the disbursement screen shows the same, with its own steps). */
export function TimelineList({ timeline }: { timeline: readonly Entry[] }) {
  const t = useT();
  return (
    <Timeline
      aria-label={t('timeline.list')}
      items={timeline.map((entry, i) => ({
        key: `${entry.at}-${i}`,
        color: entry.action === 'return' || entry.action === 'reject' || entry.action === 'returnReceipt' ? 'red' : entry.actor.type === 'staff' ? 'blue' : 'green',
        content: (
          <div>
            <Space>
              <Typography.Text strong>{t(`action.${entry.action}` as MessageKey)}</Typography.Text>
              <StatusTag status={entry.status} />
            </Space>
            <br />
            <Typography.Text type="secondary">{t('timeline.by', { actor: entry.actor.name, at: dateTime(entry.at) })}</Typography.Text>
            {entry.comment ? <div>{t('timeline.comment', { comment: entry.comment })}</div> : null}
            <Details entry={entry} />
          </div>
        ),
      }))}
    />
  );
}
