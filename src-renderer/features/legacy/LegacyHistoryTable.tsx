import { Table } from 'antd';
import { useT } from '../../i18n/store';

interface Row {
  item: string;
  title: string;
  date: string;
  status: string;
  legacyUsername?: string;
}

/** 办件记录 of the hub: as the legacy account sees it before the upgrade, and as its enterprise sees it after. */
export function LegacyHistoryTable({ rows, withAccount = false, testId }: { rows: readonly Row[]; withAccount?: boolean; testId: string }) {
  const t = useT();
  return (
    <Table<Row>
      data-testid={testId}
      size="middle"
      pagination={rows.length > 10 ? { pageSize: 10 } : false}
      rowKey={(r) => `${r.legacyUsername ?? ''}|${r.date}|${r.item}|${r.title}`}
      dataSource={[...rows]}
      locale={{ emptyText: t('legacy.history.empty') }}
      columns={[
        { key: 'date', title: t('legacy.history.date'), dataIndex: 'date', width: 120 },
        { key: 'item', title: t('legacy.history.item'), dataIndex: 'item' },
        { key: 'title', title: t('legacy.history.name'), dataIndex: 'title' },
        { key: 'status', title: t('legacy.history.status'), dataIndex: 'status', width: 120 },
        ...(withAccount ? [{ key: 'from', title: t('legacy.history.from'), dataIndex: 'legacyUsername', width: 160 }] : []),
      ]}
    />
  );
}
