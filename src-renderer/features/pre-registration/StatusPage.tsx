import { Button, Result, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { chinaDateTime } from '@shared/time/china';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { usePreRegistration } from '../../state/pre-registration';

/**
 * 审核结果: under review (the reference to quote), refused (the reason, and the way to correct the same request),
 * or approved (the passwords went by SMS to the administrator's masked mobile; on to sign-in).
 */
export function StatusPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const request = usePreRegistration((s) => s.request);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!request) return null;

  const refresh = async () => {
    setBusy(true);
    setError(await usePreRegistration.getState().refreshStatus());
    setBusy(false);
  };
  const reference = <Typography.Text copyable={{ text: request.reference }}>{t('prereg.status.reference', { reference: request.reference })}</Typography.Text>;
  const refreshButton = (
    <Button key="refresh" loading={busy} onClick={() => void refresh()}>
      {t('prereg.status.refresh')}
    </Button>
  );

  let result;
  if (request.status === 'approved') {
    result = (
      <Result
        status="success"
        title={t('prereg.status.approved')}
        subTitle={t('prereg.status.approvedText', { mobile: request.administratorMobile })}
        extra={[
          <Button
            key="login"
            type="primary"
            onClick={() => {
              void usePreRegistration.getState().forget();
              go('login');
            }}
          >
            {t('prereg.status.toLogin')}
          </Button>,
        ]}
      />
    );
  } else if (request.status === 'refused') {
    result = (
      <Result
        status="warning"
        title={t('prereg.status.refused')}
        subTitle={<span data-testid="prereg-refusal">{t('prereg.status.refusedReason', { reason: request.refusalReason ?? '' })}</span>}
        extra={[
          <Button key="correct" type="primary" onClick={() => usePreRegistration.getState().correct()}>
            {t('prereg.status.correct')}
          </Button>,
          refreshButton,
        ]}
      />
    );
  } else {
    result = (
      <Result
        status="info"
        title={t('prereg.status.underReview')}
        subTitle={t('prereg.status.underReviewText', { time: chinaDateTime(request.updatedAt), mobile: request.administratorMobile })}
        extra={[refreshButton]}
      />
    );
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div data-testid="prereg-status" data-status={request.status}>
        {result}
      </div>
      <div style={{ textAlign: 'center' }}>{reference}</div>
      <ErrorAlert error={error} onRetry={() => void refresh()} />
      <Typography.Title level={4} style={{ fontSize: 16 }}>
        {t('prereg.status.history')}
      </Typography.Title>
      <Timeline
        items={request.history.map((e) => ({
          children: `${chinaDateTime(e.at)} ${e.reason ? t('prereg.event.withReason', { event: t(`prereg.event.${e.action}`), reason: e.reason }) : t(`prereg.event.${e.action}`)}`,
        }))}
      />
    </Space>
  );
}
