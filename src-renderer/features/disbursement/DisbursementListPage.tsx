import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { DisbursementSummary } from '@shared/contract/http/disbursement';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { formatFen } from '@shared/subsidy/amount';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useClientList } from '../../components/use-client-list';
import { useT } from '../../i18n/store';
import { useDisbursement } from '../../state/disbursement';
import { useRouter } from '../../state/router';
import { dateTime, STATUS_COLOR } from '../subsidy/status';

const listRows = async (api: TongbanClientApi): Promise<Result<DisbursementSummary[]>> => {
  const r = await api.disbursement.list({});
  return r.ok ? { ok: true, value: r.value.disbursements } : r;
};

/** 待拨付资金列表 (manual 001 §2): the enterprise's disbursements, pending first, each with its state and 详情. */
export default function DisbursementListPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { rows, error, loading, load } = useClientList(listRows);

  const view = (id: string) => {
    void useDisbursement.getState().open(id);
    go('disbursement-detail');
  };

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('home')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.home')}
      </Button>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {t('disb.list.title')}
        </Typography.Title>
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void load()} loading={loading} data-testid="disb-list-refresh">
          {t('disb.list.refresh')}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t('disb.list.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} onRetry={() => void load()} style={{ marginBottom: 16 }} />
      <Table
        data-testid="disb-list"
        rowKey="applicationId"
        loading={loading && rows === null}
        dataSource={rows ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('disb.list.empty') }}
        onRow={(r) => ({ 'data-testid': `disb-row-${r.receiptNumber}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('disb.list.receiptNumber'), key: 'number', render: (_, r) => <Typography.Text code>{r.receiptNumber}</Typography.Text> },
          { title: t('disb.list.item'), dataIndex: 'itemName', key: 'item' },
          { title: t('disb.list.year'), dataIndex: 'year', key: 'year' },
          { title: t('disb.list.amount'), key: 'amount', align: 'right', render: (_, r) => `¥${formatFen(r.amountFen)}` },
          {
            title: t('disb.list.status'),
            key: 'status',
            render: (_, r) => (
              <Tag color={STATUS_COLOR[r.status]} data-testid="disb-row-status">
                {t(`subsidy.status.${r.status}`)}
              </Tag>
            ),
          },
          { title: t('disb.list.openedAt'), key: 'openedAt', render: (_, r) => dateTime(r.openedAt) },
          { title: t('disb.list.updatedAt'), key: 'updatedAt', render: (_, r) => dateTime(r.updatedAt) },
          {
            title: t('disb.list.actions'),
            key: 'actions',
            render: (_, r) => (
              <Button size="small" type="primary" ghost aria-label={t('disb.list.viewLabel', { number: r.receiptNumber })} data-testid="disb-row-view" onClick={() => view(r.applicationId)}>
                {t('disb.list.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
