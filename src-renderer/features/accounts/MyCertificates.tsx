import { Alert, App, Button, Card, Popconfirm, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BoundCertificate } from '@shared/contract/http/account-roles';
import type { AppError, Result } from '@shared/contract/result';
import { chinaDateTime } from '@shared/time/china';
import { KeySign } from '../../certificates/KeySign';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { clientApi } from '../../platform';

/**
 * 我的证书 (issue 13): the certificates the signed-in account may log in with. Binding signs a fresh CA challenge
 * with the inserted key (proof that it is at hand); unbinding takes one away.
 */
export function MyCertificates(props: { accountId: string; username: string; enterpriseUscc: string; onChange?(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [certificates, setCertificates] = useState<BoundCertificate[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { accountId } = props;

  const apply = useCallback((r: Result<{ certificates: BoundCertificate[] }>) => {
    if (r.ok) {
      setCertificates(r.value.certificates);
      setError(null);
    } else setError(r.error);
  }, []);
  const load = useCallback(() => clientApi()?.accounts.certificates({ accountId }).then(apply), [accountId, apply]);

  // State changes only when the answer arrives.
  useEffect(() => {
    void clientApi()?.accounts.certificates({ accountId }).then(apply);
  }, [accountId, apply]);

  const unbind = async (fingerprint: string) => {
    const r = await clientApi()?.accounts.unbindCertificate({ accountId, certificate: fingerprint });
    if (!r) return;
    if (r.ok) {
      void message.success(t('roles.certs.unbound'));
      void load();
      props.onChange?.();
    } else setError(r.error);
  };

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 18 }}>{t('roles.certs.title')}</h2>}>
      <Alert type="info" showIcon title={t('roles.certs.intro')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={error} onRetry={() => void load()} style={{ marginBottom: 16 }} />
      <Table<BoundCertificate>
        aria-label={t('roles.certs.table')}
        rowKey="fingerprint"
        size="small"
        pagination={false}
        locale={{ emptyText: t('roles.certs.empty') }}
        dataSource={certificates ?? []}
        columns={[
          { key: 'subject', title: t('roles.certs.subject'), dataIndex: 'subject' },
          { key: 'notAfter', title: t('roles.certs.notAfter'), render: (_, c) => chinaDateTime(c.notAfter) },
          { key: 'boundAt', title: t('roles.certs.boundAt'), render: (_, c) => chinaDateTime(c.boundAt) },
          {
            key: 'unbind',
            title: t('roles.col.actions'),
            render: (_, c) => (
              <Popconfirm title={t('roles.certs.unbind')} okText={t('roles.ok')} cancelText={t('roles.cancel')} onConfirm={() => void unbind(c.fingerprint)}>
                <Button size="small" danger>
                  {t('roles.certs.unbind')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
        style={{ marginBottom: 24 }}
      />
      <KeySign
        purpose="login"
        expectedUscc={props.enterpriseUscc}
        pinId="bind-certificate-pin"
        submitLabel={t('roles.certs.bind')}
        action={async (fingerprint, pin) => {
          const api = clientApi();
          if (!api) return { ok: false, error: { code: 'CLIENT_UNAVAILABLE', retriable: false } };
          const r = await api.accounts.bindCertificate({ accountId, fingerprint, ...(pin === undefined ? {} : { pin }) });
          if (r.ok) {
            void message.success(t('roles.certs.bound', { username: props.username }));
            void load();
            props.onChange?.();
          }
          return r;
        }}
      />
    </Card>
  );
}
