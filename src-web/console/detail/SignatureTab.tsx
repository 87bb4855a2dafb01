/** Each signed version's signature and certificate, newest first: what the server verified and when. */
import { Alert, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { dateTime } from '../format';
import { useT } from '../i18n';
import type { MessageKey } from '../messages';
import type { StaffApplication } from './model';

export function SignatureTab({ app }: { app: StaffApplication }) {
  const t = useT();
  if (app.versions.length === 0) return <Empty description={t('signature.none')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {[...app.versions].reverse().map((v) => {
        const s = v.signature;
        const title = t('signature.version', { version: v.version, at: dateTime(v.submittedAt) });
        return (
          <Card key={v.version} size="small" title={title} role="region" aria-label={title}>
            <Alert type="success" showIcon title={t('signature.verified')} style={{ marginBottom: 12 }} />
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('signature.subject')}>{s.subject}</Descriptions.Item>
              <Descriptions.Item label={t('signature.issuer')}>{s.issuer}</Descriptions.Item>
              <Descriptions.Item label={t('signature.serial')}>
                <Typography.Text code>{s.serialNumber}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('signature.validity')}>
                {dateTime(s.notBefore)} — {dateTime(s.notAfter)}
              </Descriptions.Item>
              <Descriptions.Item label={t('signature.uscc')}>
                {s.uscc}
                <Typography.Text type="secondary">
                  {' '}
                  （{t('signature.usccSource')} {s.usccSource}）
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('signature.profile')}>{t(`profile.${s.profile}` as MessageKey)}</Descriptions.Item>
              <Descriptions.Item label={t('signature.fingerprint')}>
                <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                  {s.fingerprint}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('signature.signingTime')}>{dateTime(s.signingTime)}</Descriptions.Item>
              <Descriptions.Item label={t('signature.verifiedAt')}>{dateTime(s.verifiedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('signature.payload')}>
                <Typography.Text code style={{ wordBreak: 'break-all' }}>
                  {v.payloadSha256}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        );
      })}
    </Space>
  );
}
