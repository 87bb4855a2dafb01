/** Every state the application went through, oldest first, with who did it, their comments and the details. */
import { Space, Timeline, Typography } from 'antd';
import { subsidyReturnSchema } from '@shared/contract/http/subsidy';
import { dateOnly, dateTime, yuan } from '../format';
import { useLang, useT } from '../i18n';
import type { MessageKey } from '../messages';
import { StatusTag } from '../StatusTag';
import type { StaffApplication } from './model';
import { ReturnCommentsList } from './ReturnCommentsList';

type Entry = StaffApplication['timeline'][number];

function Details({ entry }: { entry: Entry }) {
  const t = useT();
  const d = entry.details ?? {};
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
  const t = useT();
  const lang = useLang((s) => s.lang);
  return (
    <Timeline
      aria-label={t('timeline.list')}
      items={app.timeline.map((entry, i) => ({
        key: `${entry.at}-${i}`,
        color: entry.action === 'return' || entry.action === 'reject' ? 'red' : entry.actor.type === 'staff' ? 'blue' : 'green',
        content: (
          <div>
            <Space>
              <Typography.Text strong>{t(`action.${entry.action}` as MessageKey)}</Typography.Text>
              <StatusTag status={entry.status} />
            </Space>
            <br />
            <Typography.Text type="secondary">{t('timeline.by', { actor: entry.actor.name, at: dateTime(entry.at, lang) })}</Typography.Text>
            {entry.comment ? <div>{t('timeline.comment', { comment: entry.comment })}</div> : null}
            <Details entry={entry} />
          </div>
        ),
      }))}
    />
  );
}
