/** The audit trail: every change to the application with its actor, request id and the record before and after. */
import { Table, Typography } from 'antd';
import { useCallback } from 'react';
import type { z } from 'zod';
import { staffSubsidyAuditRoute } from '@shared/contract/http/subsidy';
import { call } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { dateTime } from '../format';
import { useT } from '../i18n';
import type { MessageKey } from '../messages';
import { useRemote } from '../use-remote';

type AuditEntry = z.infer<typeof staffSubsidyAuditRoute.response>['entries'][number];

/** The keys whose values differ between before and after, as `key: old → new`. */
function changes(entry: AuditEntry): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v)).slice(0, 80);
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
    .map((k) => `${k}: ${show(before[k])} → ${show(after[k])}`);
}

/** `version` changes whenever the application does, so the trail reloads after an action. */
export function AuditTab({ id, version }: { id: string; version: string }) {
  const t = useT();
  const load = useCallback(() => call(staffSubsidyAuditRoute, { params: { applicationId: id } }), [id]);
  const { data, error, loading } = useRemote(load, `${id}@${version}`);
  const entries = data?.entries;
  const actorLabel = (type: string) => (['account', 'staff', 'system'].includes(type) ? t(`audit.actor.${type}` as MessageKey) : type);

  return (
    <>
      <ErrorAlert error={error} />
      <Table<AuditEntry>
        aria-label={t('audit.table')}
        size="small"
        loading={loading}
        rowKey={(e) => `${e.at}-${e.action}-${e.requestId ?? ''}`}
        dataSource={entries ?? []}
        locale={{ emptyText: t('audit.empty') }}
        pagination={false}
        columns={[
          { title: t('audit.at'), dataIndex: 'at', render: (v: string) => dateTime(v), width: 170 },
          { title: t('audit.actor'), render: (_, e) => `${actorLabel(e.actor.type)}${e.actor.id ? ` · ${e.actor.id.slice(0, 8)}` : ''}`, width: 170 },
          { title: t('audit.action'), dataIndex: 'action', width: 200 },
          {
            title: t('audit.change'),
            render: (_, e) => (
              <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                {changes(e).map((c) => (
                  <li key={c}>
                    <Typography.Text style={{ fontSize: 12 }}>{c}</Typography.Text>
                  </li>
                ))}
              </ul>
            ),
          },
          { title: t('audit.requestId'), dataIndex: 'requestId', render: (v: string | null) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{v?.slice(0, 8) ?? '—'}</Typography.Text>, width: 100 },
        ]}
      />
    </>
  );
}
