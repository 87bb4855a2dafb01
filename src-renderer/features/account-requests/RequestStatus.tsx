import { Button, Result, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { AccountRequestView } from '@shared/contract/http/account-requests';
import type { AppError } from '@shared/contract/result';
import { chinaDateTime } from '@shared/time/china';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { useAccountRequest } from '../../state/account-request';

/**
 * 审核结果 of a request: under review (the reference to quote), refused (the reason, and the way to correct the same
 * request), or approved (what changed). `after` is what the desk offers once approved (sign-in, or back).
 */
export function RequestStatus({ request, after }: { request: AccountRequestView; after?: React.ReactNode }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const refresh = async () => {
    setBusy(true);
    setError(await useAccountRequest.getState().refresh());
    setBusy(false);
  };
  const refreshButton = (
    <Button key="refresh" loading={busy} onClick={() => void refresh()}>
      {t('acctreq.status.refresh')}
    </Button>
  );
  let result;
  if (request.status === 'approved') {
    result = (
      <Result
        status="success"
        title={t('acctreq.status.approved')}
        subTitle={t(request.kind === 'enterpriseChange' ? 'acctreq.status.approvedEnterprise' : 'acctreq.status.approvedAdministrator')}
        extra={after}
      />
    );
  } else if (request.status === 'refused') {
    result = (
      <Result
        status="warning"
        title={t('acctreq.status.refused')}
        subTitle={<span data-testid="acctreq-refusal">{t('acctreq.status.refusedReason', { reason: request.refusalReason ?? '' })}</span>}
        extra={[
          <Button key="correct" type="primary" onClick={() => useAccountRequest.getState().correct()}>
            {t('acctreq.status.correct')}
          </Button>,
          refreshButton,
        ]}
      />
    );
  } else {
    result = (
      <Result
        status="info"
        title={t(`acctreq.status.${request.status}`)}
        subTitle={t('acctreq.status.underReviewText', { time: chinaDateTime(request.updatedAt), mobile: request.filerMobile })}
        extra={[refreshButton]}
      />
    );
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div data-testid="acctreq-status" data-status={request.status}>
        {result}
      </div>
      <div style={{ textAlign: 'center' }}>
        <Typography.Text copyable={{ text: request.reference }}>{t('acctreq.status.reference', { reference: request.reference })}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('acctreq.filedUnder', { name: request.enterpriseName })}</Typography.Text>
      </div>
      <ErrorAlert error={error} onRetry={() => void refresh()} />
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t('acctreq.status.history')}
      </Typography.Title>
      <Timeline
        items={request.history.map((e) => ({
          children: `${chinaDateTime(e.at)} ${e.reason ? t('acctreq.event.withReason', { event: t(`acctreq.event.${e.action}`), reason: e.reason }) : t(`acctreq.event.${e.action}`)}`,
        }))}
      />
    </Space>
  );
}
