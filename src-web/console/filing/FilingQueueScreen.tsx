/** 备案审核: submitted construction filings, oldest submission first; a row opens the filing. */
import type { z } from 'zod';
import { filingStatusSchema, staffFilingQueueRoute, type FilingStatus, type filingSummarySchema } from '@shared/contract/http/filing';
import { call } from '../api';
import { useT } from '../i18n';
import { ReviewQueue } from '../ReviewQueue';
import { filingHref } from '../router';

type Summary = z.infer<typeof filingSummarySchema>;
interface Filters {
  status?: FilingStatus;
  q?: string;
}

const fetchQueue = async (filters: Filters, limit: number, offset: number) => {
  const answer = await call(staffFilingQueueRoute, { query: { ...filters, limit, offset } });
  return { rows: answer.filings, total: answer.total };
};

export function FilingQueueScreen() {
  const t = useT();
  return (
    <ReviewQueue<FilingStatus, Filters, Summary>
      title={t('filing.queue.title')}
      statuses={filingStatusSchema.options}
      fetch={fetchQueue}
      columns={{ beforeSubmitted: [{ title: t('filing.queue.project'), dataIndex: 'projectName' }] }}
      href={filingHref}
      openLabel="filing.queue.open"
      tableLabel="filing.queue.table"
      emptyText="filing.queue.empty"
    />
  );
}
