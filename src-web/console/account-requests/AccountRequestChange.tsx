/** What a request changes, beside the enterprise as it is today: the administrator, or the name and address with the registry's advice. */
import { Alert, Card, Descriptions, Typography } from 'antd';
import type { StaffAccountRequest } from '@shared/contract/http/account-requests';
import { useT } from '../i18n';

export function AccountRequestChange({ request }: { request: StaffAccountRequest }) {
  const t = useT();
  const { form, enterprise, registry } = request;
  const filer = (
    <Descriptions.Item label={t('acctreq.filer')}>
      {t('acctreq.filerIs', { name: form.filer.name, mobile: request.filerMobile, how: t(`acctreq.filedBy.${request.filedBy}`) })}
    </Descriptions.Item>
  );
  if (form.kind === 'enterpriseChange') {
    return (
      <Card size="small" title={t('acctreq.section.change')}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('detail.uscc')}>{form.enterprise.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('acctreq.name')}>
            {enterprise?.name ?? '—'} → <Typography.Text strong>{form.newName}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('prereg.address')}>
            {enterprise?.address ?? '—'} → <Typography.Text strong>{form.newAddress}</Typography.Text>
          </Descriptions.Item>
          {filer}
        </Descriptions>
        {registry ? (
          <Alert
            style={{ marginTop: 12 }}
            type={registry.findings.length ? 'warning' : 'success'}
            showIcon
            title={registry.findings.length ? registry.findings.map((f) => t(`acctreq.registry.${f}`)).join('；') : t('acctreq.registry.agrees')}
            description={registry.name ? t('acctreq.registry.holds', { name: registry.name, address: registry.address ?? '' }) : undefined}
          />
        ) : null}
      </Card>
    );
  }
  return (
    <Card size="small" title={t('acctreq.section.change')}>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('detail.uscc')}>{form.enterprise.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('acctreq.name')}>{enterprise?.name ?? form.enterprise.name}</Descriptions.Item>
        {form.kind === 'accountsUnknown' ? <Descriptions.Item label={t('prereg.legalRepresentative')}>{form.legalRepresentative.name}</Descriptions.Item> : null}
        <Descriptions.Item label={t('acctreq.currentAdministrator')}>{enterprise?.administratorName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('acctreq.newAdministrator')}>{form.administrator.name}</Descriptions.Item>
        <Descriptions.Item label={t('prereg.idNumber')}>{form.administrator.idNumber}</Descriptions.Item>
        <Descriptions.Item label={t('prereg.mobile')}>{form.administrator.mobile}</Descriptions.Item>
        <Descriptions.Item label={t('prereg.email')}>{form.administrator.email ?? '—'}</Descriptions.Item>
        {form.kind === 'accountsUnknown' && form.superMobile ? <Descriptions.Item label={t('acctreq.superMobile')}>{form.superMobile}</Descriptions.Item> : null}
        {filer}
      </Descriptions>
    </Card>
  );
}
