/**
 * The parts every request queue's screen shows alike (预注册审核, 账户申请审核): the stamped documents, each to view,
 * and the history of submissions, refusals and corrections.
 */
import { Button, Card, List, Timeline, Typography } from 'antd';
import { bytes, dateTime } from '../format';
import { useT } from '../i18n';

export function ScanList<A extends { sha256: string; size: number }>(props: { scans: readonly A[]; nameOf(a: A): string; onView(a: A): void }) {
  const t = useT();
  return (
    <Card size="small" title={t('prereg.section.documents')}>
      <List
        size="small"
        dataSource={[...props.scans]}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button key="view" size="small" onClick={() => props.onView(a)} aria-label={t('prereg.view', { name: props.nameOf(a) })}>
                {t('prereg.viewShort')}
              </Button>,
            ]}
          >
            {props.nameOf(a)} <Typography.Text type="secondary">{bytes(a.size)}</Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function RequestHistory({ history }: { history: readonly { action: 'submit' | 'refuse' | 'resubmit' | 'approve'; at: string; reason: string | null }[] }) {
  const t = useT();
  return (
    <Card size="small" title={t('prereg.section.history')}>
      <Timeline
        items={history.map((e) => ({
          children: `${dateTime(e.at)} ${e.reason ? t('prereg.event.withReason', { event: t(`prereg.event.${e.action}`), reason: e.reason }) : t(`prereg.event.${e.action}`)}`,
        }))}
      />
    </Card>
  );
}
