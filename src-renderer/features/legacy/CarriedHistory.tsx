import { Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CarriedHistoryRow } from '@shared/contract/http/legacy';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { LegacyHistoryTable } from './LegacyHistoryTable';

/** On Home: the hub history carried to the enterprise by upgrades; nothing at all when there is none. */
export function CarriedHistory() {
  const t = useT();
  const [rows, setRows] = useState<CarriedHistoryRow[]>([]);
  useEffect(() => {
    let live = true;
    void call((api) => api.legacy.history({})).then((r) => {
      if (live && r.ok) setRows(r.value.rows);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!rows.length) return null;
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('legacy.carried.title')}</h2>} style={{ marginTop: 24 }}>
      <Typography.Paragraph type="secondary">{t('legacy.carried.hint')}</Typography.Paragraph>
      <LegacyHistoryTable rows={rows} withAccount testId="carried-history" />
    </Card>
  );
}
