import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { PlatformProfile } from '@shared/contract/http/beijing';
import type { AppError } from '@shared/contract/result';
import { chinaDate, chinaDateTime } from '@shared/time/china';
import { ErrorAlert } from '../../components/ErrorAlert';
import { describeError } from '../../errors/describe';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { CertifyForm } from './CertifyForm';
import { UnbindingForm } from './UnbindingForm';
import { YztLogin } from './YztLogin';

/** The deadline is the end (24:00) of a working day: named by that day, not as 00:00 of the next. */
const reviewDay = (deadline: string) => chinaDate(new Date(Date.parse(deadline) - 1));

/** The enterprise another account holds, as the refusal named it (masked holder), for the unbinding request. */
export interface BoundRefusal {
  code: string;
  boundTo: string;
}

/**
 * 个人主页 — 认证信息 (manual 004 步骤2): the certification's state and what to do next — certify, wait for the
 * review (审核中 with its deadline), 口令登录, or 已认证 — and, when another account holds the enterprise, the
 * manual's explanation with the masked account and the unbinding request.
 */
export function BeijingHome() {
  const t = useT();
  const locale = useLocale();
  const go = useRouter((s) => s.go);
  const [profile, setProfile] = useState<PlatformProfile | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [bound, setBound] = useState<BoundRefusal | null>(null);
  const [unbinding, setUnbinding] = useState(false);

  const load = useCallback(async () => {
    const r = await call((api) => api.beijing.profile({}));
    if (r.ok) setProfile(r.value);
    else setError(r.error);
  }, []);
  useEffect(() => {
    // Loading the profile is the effect's whole job; its state lands after the await.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const refused = (e: AppError, code: string) => {
    const boundTo = e.issues?.find((i) => i.code === 'ENTERPRISE_BOUND')?.params?.boundTo;
    if (e.code === 'ENTERPRISE_BOUND') setBound({ code, boundTo: String(boundTo ?? '') });
  };
  const updated = (p: PlatformProfile) => {
    setProfile(p);
    setBound(null);
    setUnbinding(false);
  };
  const logout = async () => {
    await call((api) => api.beijing.logout({}));
    go('beijing-login');
  };

  if (!profile) return error ? <ErrorAlert error={error} onRetry={() => void load()} /> : <Spin />;
  const cert = profile.certification;
  const status = profile.binding ? 'verified' : cert?.status === 'pending' ? 'pending' : cert?.status === 'rejected' ? 'rejected' : 'none';
  const colour = { verified: 'success', pending: 'processing', rejected: 'error', none: 'default' } as const;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('bj.title')} — {t('bj.home.title')}
        </Typography.Title>
        <Button onClick={() => void logout()}>{t('bj.logout')}</Button>
      </div>
      <Card title={t('bj.home.cert')} extra={<Tag color={colour[status]} data-testid="bj-cert-status">{t(`bj.status.${status}`)}</Tag>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('bj.field.mobile')}>{t('bj.home.account', { nickname: profile.account.nickname, mobile: profile.account.mobile })}</Descriptions.Item>
          {profile.binding && (
            <Descriptions.Item label={t('bj.cert.enterpriseName')}>
              <span data-testid="bj-bound-enterprise">{t('bj.home.bound', { enterprise: profile.binding.enterpriseName, code: profile.binding.code })}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
        {!profile.binding && cert?.status === 'pending' && (
          <Alert type="info" showIcon data-testid="bj-pending" title={t('bj.home.pending', { deadline: reviewDay(cert.reviewDeadline ?? cert.submittedAt) })} />
        )}
        {!profile.binding && cert?.status === 'rejected' && <Alert type="error" showIcon title={t('bj.home.rejected', { reason: cert.reason ?? '' })} />}
        {!cert && <Typography.Paragraph>{t('bj.home.none')}</Typography.Paragraph>}
      </Card>
      {bound && (
        <Alert
          type="warning"
          showIcon
          data-testid="bj-bound"
          title={t('bj.bound.title')}
          description={
            <>
              <div data-testid="bj-bound-to">{t('bj.bound.boundTo', { boundTo: bound.boundTo })}</div>
              <div>{t('bj.bound.why')}</div>
              {/* What to do when nobody finds that account: the refusal's own hint (src-shared/errors/beijing.ts). */}
              <div>{describeError({ code: 'ENTERPRISE_BOUND', retriable: false }, locale).hint}</div>
              {!unbinding && (
                <Button style={{ marginTop: 8 }} onClick={() => setUnbinding(true)} data-testid="bj-request-unbinding">
                  {t('bj.bound.request')}
                </Button>
              )}
            </>
          }
        />
      )}
      {bound && unbinding && <UnbindingForm code={bound.code} onDone={updated} />}
      {profile.unbindingRequests.length > 0 && (
        <Card title={t('bj.unbind.list')} size="small">
          {profile.unbindingRequests.map((u) => (
            <div key={u.id} data-testid="bj-unbinding-row">
              {u.code} · {chinaDateTime(u.submittedAt)} · <Tag>{t(`bj.unbind.status.${u.status}`)}</Tag> {u.reason ?? ''}
            </div>
          ))}
        </Card>
      )}
      {!profile.binding && (!cert || cert.status === 'rejected') && !bound && <CertifyForm onDone={updated} onRefused={refused} />}
      {!profile.binding && cert?.status === 'verified' && !bound && <YztLogin username={cert.yztUsername} onDone={updated} onRefused={(e) => refused(e, cert.code)} />}
      <Alert type="info" showIcon title={t('bj.app.limits')} />
    </Space>
  );
}
