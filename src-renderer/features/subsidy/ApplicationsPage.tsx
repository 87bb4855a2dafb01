import { ArrowLeftOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { SubsidyApplicationSummary, TongbanClientApi } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { formatFen } from '@shared/subsidy/amount';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useClientList } from '../../components/use-client-list';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { useSubsidyApplication } from '../../state/subsidy-application';
import { dateTime, shortId, STATUS_COLOR } from './status';

const listRows = async (api: TongbanClientApi): Promise<Result<SubsidyApplicationSummary[]>> => {
  const r = await api.subsidy.list({});
  return r.ok ? { ok: true, value: r.value.applications } : r;
};

/** 我的申请: the enterprise's subsidy applications, newest first, with their state; opens the detail view. */
export default function ApplicationsPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { rows, error, loading, load } = useClientList(listRows);

  const view = (id: string) => {
    useSubsidyApplication.setState({ applicationId: id, app: null });
    go('subsidy-detail');
  };
  const money = (fen: number | null) => (fen === null ? '—' : `¥${formatFen(fen)}`);

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('home')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.home')}
      </Button>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {t('subsidy.list.title')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()} loading={loading}>
            {t('subsidy.list.refresh')}
          </Button>
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => go('subsidy-guide')}>
            {t('subsidy.list.new')}
          </Button>
        </Space>
      </Space>
      <ErrorAlert error={error} onRetry={() => void load()} style={{ marginBottom: 16 }} />
      <Table
        rowKey="id"
        loading={loading && rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('subsidy.list.empty') }}
        columns={[
          { title: t('subsidy.list.number'), key: 'id', render: (_, r) => <Typography.Text code>{shortId(r.id)}</Typography.Text> },
          { title: t('subsidy.list.status'), key: 'status', render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`subsidy.status.${r.status}`)}</Tag> },
          { title: t('subsidy.list.talents'), dataIndex: 'talentCount', key: 'talents' },
          { title: t('subsidy.list.requested'), key: 'requested', render: (_, r) => money(r.amountRequestedFen) },
          { title: t('subsidy.list.approved'), key: 'approved', render: (_, r) => money(r.amountApprovedFen) },
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
