import { CloudUploadOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { chinaDateTime } from '@shared/time/china';
import { Button, Popover, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { OutboxEntryView } from '@shared/contract/client-api';
import { describeError } from '../errors/describe';
import { useLocale, useT } from '../i18n/store';
import { call, subscribe } from '../platform';
import { outboxKindKey, outboxSummary } from './outbox-summary';

const STATE_COLOR: Record<OutboxEntryView['state'], string> = { waiting: 'gold', sending: 'blue', sent: 'green', refused: 'red' };

/**
 * The header's "N 项待发送": signed submissions main keeps until the server answers (outbox.list, kept live by
 * `outbox.changed`), each with its state, in a popover. Hidden when nothing waits and nothing was refused.
 */
export function OutboxIndicator() {
  const t = useT();
  const locale = useLocale();
  const [entries, setEntries] = useState<OutboxEntryView[]>([]);

  useEffect(() => {
    let eventSeen = false;
    let live = true;
    const off = subscribe('outbox.changed', (p) => {
      eventSeen = true;
      setEntries(p.entries);
    });
    // An event that arrived meanwhile is newer than this answer.
    void call((api) => api.outbox.list({})).then((r) => live && !eventSeen && r.ok && setEntries(r.value.entries));
    return () => {
      live = false;
      off();
    };
  }, []);

  const { pending, refused, shown } = outboxSummary(entries);
  if (!shown) return null;
  const list = (
    <Space orientation="vertical" size={8} style={{ maxWidth: 360 }} data-testid="outbox-list">
      {pending > 0 && <Typography.Text type="secondary">{t('outbox.hint')}</Typography.Text>}
      {entries.map((e) => (
        <div key={e.idempotencyKey} data-testid="outbox-entry" data-state={e.state}>
          <Space size={6} wrap>
            <Typography.Text strong>{t(outboxKindKey(e.kind))}</Typography.Text>
            <Tag color={STATE_COLOR[e.state]}>{t(`outbox.state.${e.state}`)}</Tag>
          </Space>
          <div style={{ color: '#595959', fontSize: 13 }}>
            {e.label} · {chinaDateTime(e.createdAt)}
            {e.attempts > 1 && ` · ${t('outbox.attempts', { count: e.attempts })}`}
          </div>
          {e.lastError && e.state !== 'sent' && (
            <Typography.Text type={e.state === 'refused' ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
              {describeError({ code: e.lastError, retriable: e.state !== 'refused' }, locale).message}
            </Typography.Text>
          )}
        </div>
      ))}
    </Space>
  );
  return (
    <Popover content={list} title={t('outbox.title')} trigger="click" placement="bottomRight">
      <Button type="link" size="small" style={{ color: pending > 0 ? '#ffd666' : '#ff7875' }} data-testid="outbox-indicator">
        {pending > 0 ? <CloudUploadOutlined aria-hidden /> : <ExclamationCircleFilled aria-hidden />}
        {pending > 0 ? t('outbox.pending', { count: pending }) : t('outbox.refused', { count: refused })}
      </Button>
    </Popover>
  );
}
