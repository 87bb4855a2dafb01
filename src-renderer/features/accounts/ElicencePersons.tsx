import { Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ClientResults } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';

type Person = ClientResults['accounts']['elicencePersons']['persons'][number];

/**
 * 电子营业执照人员 (issue 14), read-only for super: licence managers and agents as the licence last reported them —
 * the licence is where they are appointed, so nothing here changes them.
 */
export function ElicencePersons() {
  const t = useT();
  const [persons, setPersons] = useState<Person[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    let live = true;
    void call((api) => api.accounts.elicencePersons()).then((r) => {
      if (!live) return;
      if (r.ok) setPersons(r.value.persons);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('elicence.persons.title')}</h2>} data-testid="elicence-persons">
      <Typography.Paragraph type="secondary">{t('elicence.persons.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Table<Person>
        rowKey="username"
        size="small"
        pagination={false}
        loading={persons === null && !error}
        dataSource={persons ?? []}
        columns={[
          { key: 'name', title: t('elicence.persons.col.name'), dataIndex: 'name' },
          { key: 'role', title: t('elicence.persons.col.role'), render: (_, p) => t(`elicence.role.${p.role}`) },
          { key: 'username', title: t('elicence.persons.col.username'), dataIndex: 'username' },
          {
            key: 'items',
            title: t('elicence.persons.col.items'),
            render: (_, p) => (p.role === 'agent' ? p.items.map((i) => t(`roles.item.${i as 'subsidy'}`)).join('、') : t('accounts.allItems')),
          },
          { key: 'term', title: t('elicence.persons.col.term'), render: (_, p) => (p.validUntil ? p.validUntil.slice(0, 10) : '—') },
        ]}
      />
    </Card>
  );
}
