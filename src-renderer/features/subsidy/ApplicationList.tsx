import { ArrowLeftOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import type { Result } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useClientList } from '../../components/use-client-list';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { dateTime, shortId, STATUS_COLOR } from './status';

/** What every application list shows of a row: its number, state and when it was submitted and last changed. */
export interface ApplicationRow {
  id: string;
  status: SubsidyStatus;
  submittedAt: string | null;
  updatedAt: string;
}

interface Props<R extends ApplicationRow> {
  title: string;
  newLabel: string;
  emptyText: string;
  /** Stable (module level): a new function loads again (useClientList). */
  listRows: (api: TongbanClientApi) => Promise<Result<R[]>>;
  onNew: () => void;
  onView: (id: string) => void;
  /** The item's own columns, between the number and the state, and after the state. */
  beforeStatus?: ColumnsType<R>;
  afterStatus?: ColumnsType<R>;
}

/**
 * An enterprise's applications for one service item (我的申请, 我的备案): back to Home, 刷新, 新建, and a table of
 * number, state and times with 查看 — the same screen for every item, each adding its own columns.
 */
export function ApplicationList<R extends ApplicationRow>(p: Props<R>) {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { rows, error, loading, load } = useClientList(p.listRows);

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('home')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.home')}
      </Button>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {p.title}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()} loading={loading}>
            {t('subsidy.list.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={p.onNew}>
            {p.newLabel}
          </Button>
        </Space>
      </Space>
      <ErrorAlert error={error} onRetry={() => void load()} style={{ marginBottom: 16 }} />
      <Table<R>
        rowKey="id"
        loading={loading && rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: p.emptyText }}
        columns={[
          { title: t('subsidy.list.number'), key: 'id', render: (_, r) => <Typography.Text code>{shortId(r.id)}</Typography.Text> },
          ...(p.beforeStatus ?? []),
          { title: t('subsidy.list.status'), key: 'status', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`subsidy.status.${r.status}`)}</Tag> },
          ...(p.afterStatus ?? []),
          { title: t('subsidy.list.submittedAt'), key: 'submittedAt', render: (_, r) => dateTime(r.submittedAt) },
          { title: t('subsidy.list.updatedAt'), key: 'updatedAt', render: (_, r) => dateTime(r.updatedAt) },
          {
            title: t('subsidy.list.actions'),
            key: 'actions',
            render: (_, r) => (
              <Button size="small" aria-label={t('subsidy.list.viewLabel', { number: shortId(r.id) })} onClick={() => p.onView(r.id)}>
                {t('subsidy.list.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
