import { ArrowLeftOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ClientResults, TongbanClientApi } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useClientList } from '../../components/use-client-list';
import { useT } from '../../i18n/store';
import { useFiling } from '../../state/filing';
import { useRouter } from '../../state/router';
import { dateTime, shortId, STATUS_COLOR } from '../subsidy/status';

type Row = ClientResults['filing']['list']['filings'][number];

const listRows = async (api: TongbanClientApi): Promise<Result<Row[]>> => {
  const r = await api.filing.list({});
  return r.ok ? { ok: true, value: r.value.filings } : r;
};

/** 我的备案: the enterprise's construction filings, newest first, with their state; opens one. */
export default function FilingListPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { rows, error, loading, load } = useClientList(listRows);

  const view = (id: string) => {
    useFiling.setState({ filingId: id, view: null });
    go('filing-detail');
  };

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('home')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.home')}
      </Button>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {t('filing.list.title')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()} loading={loading}>
            {t('subsidy.list.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => go('filing-guide')}>
            {t('filing.list.new')}
          </Button>
        </Space>
      </Space>
      <ErrorAlert error={error} onRetry={() => void load()} style={{ marginBottom: 16 }} />
      <Table
        rowKey="id"
        loading={loading && rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('filing.list.empty') }}
        columns={[
          { title: t('subsidy.list.number'), key: 'id', render: (_, r) => <Typography.Text code>{shortId(r.id)}</Typography.Text> },
          { title: t('filing.list.project'), key: 'project', render: (_, r) => r.projectName || '—' },
          { title: t('subsidy.list.status'), key: 'status', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`subsidy.status.${r.status}`)}</Tag> },
          { title: t('subsidy.list.submittedAt'), key: 'submittedAt', render: (_, r) => dateTime(r.submittedAt) },
          { title: t('subsidy.list.updatedAt'), key: 'updatedAt', render: (_, r) => dateTime(r.updatedAt) },
          {
            title: t('subsidy.list.actions'),
            key: 'actions',
            render: (_, r) => (
              <Button size="small" aria-label={t('subsidy.list.viewLabel', { number: shortId(r.id) })} onClick={() => view(r.id)}>
                {t('subsidy.list.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
