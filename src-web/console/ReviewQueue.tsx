/**
 * A reviewers' queue of enterprise submissions — the subsidy's 审核队列 and the filing's 备案审核 were this screen
 * written twice: the enterprise as the link that opens the record, its USCC, the item's own columns, when it was
 * submitted, its status, filtered by status (never drafts) and by name or USCC, each item adding only its own.
 */
import { Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { statusLabel } from './domain-labels';
import { FilteredQueue } from './FilteredQueue';
import { dateTime } from './format';
import { useLang, useT } from './i18n';
import type { MessageKey } from './messages';
import { StatusTag } from './StatusTag';

interface Submission<S extends SubsidyStatus> {
  id: string;
  enterpriseName: string;
  enterpriseUscc: string;
  submittedAt: string | null;
  status: S;
}

export function ReviewQueue<S extends SubsidyStatus, F extends { q?: string; status?: S }, Row extends Submission<S>>(props: {
  title: string;
  statuses: readonly S[];
  /** Filters after the status (Form.Items named after keys of F). */
  fields?: ReactNode;
  fetch(filters: F, limit: number, offset: number): Promise<{ rows: Row[]; total: number }>;
  /** The item's columns between the USCC and the submission time, and between that and the status. */
  columns: { beforeSubmitted?: ColumnsType<Row>; afterSubmitted?: ColumnsType<Row> };
  href(id: string): string;
  /** The accessible name of a row's link (`打开 {name} 的开工备案`). */
  openLabel: MessageKey;
  tableLabel: MessageKey;
  emptyText: MessageKey;
}) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const columns: ColumnsType<Row> = [
    {
      title: t('queue.enterprise'),
      dataIndex: 'enterpriseName',
      render: (name: string, row) => (
        <a href={props.href(row.id)} aria-label={t(props.openLabel, { name })}>
          {name}
        </a>
      ),
    },
    { title: t('queue.uscc'), dataIndex: 'enterpriseUscc', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    ...(props.columns.beforeSubmitted ?? []),
    { title: t('queue.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => dateTime(v) },
    ...(props.columns.afterSubmitted ?? []),
    { title: t('queue.status'), dataIndex: 'status', render: (v: S) => <StatusTag status={v} /> },
  ];
  return (
    <FilteredQueue<F, Row>
      title={props.title}
      statuses={{ options: props.statuses.filter((s) => s !== 'draft'), label: (s) => statusLabel(s as S, lang) }}
      fields={props.fields}
      fetch={props.fetch}
      columns={columns}
      rowKey="id"
      href={(row) => props.href(row.id)}
      tableLabel={props.tableLabel}
      emptyText={props.emptyText}
    />
  );
}
