/** The reviewers' queue: filters by status, submission dates and enterprise name or USCC; a row opens the application. */
import { Form, Input } from 'antd';
import type { z } from 'zod';
import { staffSubsidyQueueRoute, subsidyStatusSchema, type SubsidyStatus, type subsidyApplicationSummarySchema } from '@shared/contract/http/subsidy';
import { call } from './api';
import { yuan } from './format';
import { useT } from './i18n';
import { ReviewQueue } from './ReviewQueue';
import { applicationHref } from './router';

type Summary = z.infer<typeof subsidyApplicationSummarySchema>;

interface Filters {
  status?: SubsidyStatus;
  submittedFrom?: string;
  submittedTo?: string;
  q?: string;
}

/** The query of the reviewers' queue, with the paging FilteredQueue adds. */
const fetchQueue = async (filters: Filters, limit: number, offset: number) => {
  const answer = await call(staffSubsidyQueueRoute, { query: { ...filters, limit, offset } });
  return { rows: answer.applications, total: answer.total };
};

export function QueueScreen() {
  const t = useT();
  return (
    <ReviewQueue<SubsidyStatus, Filters, Summary>
      title={t('queue.title')}
      statuses={subsidyStatusSchema.options}
      fields={
        <>
          <Form.Item label={t('queue.submittedFrom')} name="submittedFrom">
            <Input type="date" />
          </Form.Item>
          <Form.Item label={t('queue.submittedTo')} name="submittedTo">
            <Input type="date" />
          </Form.Item>
        </>
      }
      fetch={fetchQueue}
      columns={{
        afterSubmitted: [
          { title: t('queue.talents'), dataIndex: 'talentCount', align: 'right' },
          { title: t('queue.amountRequested'), dataIndex: 'amountRequestedFen', align: 'right', render: (v: number | null) => yuan(v) },
        ],
      }}
      href={applicationHref}
      openLabel="queue.open"
      tableLabel="queue.table"
      emptyText="queue.empty"
    />
  );
}
