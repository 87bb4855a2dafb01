import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { fenToCapitals } from '@shared/money/capital';
import { formatFen } from '@shared/subsidy/amount';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { useDisbursement } from '../../state/disbursement';
import { useRouter } from '../../state/router';
import { dateTime, STATUS_COLOR } from '../subsidy/status';
import { SubsidyTimeline } from '../subsidy/SubsidyTimeline';
import { CertificatesSection } from './CertificatesSection';
import { stageOf } from './disbursement-logic';
import { PayeeSection } from './PayeeSection';
import { ReceiptPrintSection } from './ReceiptPrintSection';
import { ReceiptUploadSection } from './ReceiptUploadSection';

/**
 * One disbursement (manual 001 §2), top to bottom as the clerk works through it: the amount and state (finance's
 * reason when the receipt was returned, the date when paid), 1 employment certificates, 2 bank account and contact,
 * 3 print the receipt, 4 upload the stamped receipt, and the timeline.
 */
export default function DisbursementDetailPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { applicationId, view, error, loading, reload } = useDisbursement();

  if (!applicationId) return null;
  if (!view) {
    return (
      <Card>
        <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('disbursement-list')} style={{ paddingLeft: 0 }}>
          {t('disb.nav.list')}
        </Button>
        {error ? <ErrorAlert error={error} onRetry={() => void reload()} /> : <Spin description={t('app.loading')} />}
      </Card>
    );
  }

  const stage = stageOf(view);
  return (
    <Card data-testid="disb-detail">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('disbursement-list')} style={{ paddingLeft: 0 }} data-testid="disb-back">
          {t('disb.nav.list')}
        </Button>
        <Button icon={<ReloadOutlined aria-hidden />} loading={loading} onClick={() => void reload()} data-testid="disb-refresh">
          {t('disb.list.refresh')}
        </Button>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {t('disb.detail.title')} <Typography.Text code>{view.receiptNumber}</Typography.Text>
      </Typography.Title>
      <ErrorAlert error={error} onRetry={() => void reload()} style={{ marginBottom: 12 }} />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: t('disb.detail.status'),
            children: (
              <Tag color={STATUS_COLOR[view.status]} data-testid="disb-status" data-status={view.status}>
                {t(`subsidy.status.${view.status}`)}
              </Tag>
            ),
          },
          { key: 'number', label: t('disb.detail.receiptNumber'), children: view.receiptNumber },
          { key: 'item', label: t('disb.detail.item'), children: view.itemName },
          { key: 'year', label: t('disb.detail.year'), children: view.year },
          { key: 'enterprise', label: t('disb.detail.enterprise'), children: `${view.enterprise.name}（${view.enterprise.uscc}）` },
          { key: 'opened', label: t('disb.detail.openedAt'), children: dateTime(view.openedAt) },
          {
            key: 'amount',
            label: t('disb.detail.amount'),
            span: 2,
            children: <span data-testid="disb-amount">{t('disb.detail.amountValue', { figures: formatFen(view.amountFen), capitals: fenToCapitals(view.amountFen) })}</span>,
          },
          ...(view.paidAt ? [{ key: 'paid', label: t('disb.detail.paidAt'), children: dateTime(view.paidAt) }] : []),
        ]}
      />

      {stage.banner === 'returned' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 16 }}
          title={t('disb.detail.returned')}
          description={<span data-testid="disb-return-reason">{t('disb.detail.returnReason', { reason: view.returnReason ?? '—' })}</span>}
        />
      )}
      {stage.banner === 'submitted' && <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('disb.detail.submitted')} data-testid="disb-submitted" />}
      {stage.banner === 'paid' && (
        <Alert type="success" showIcon style={{ marginTop: 16 }} title={view.paidAt ? t('disb.detail.paidOn', { date: dateTime(view.paidAt) }) : t('disb.detail.paid')} data-testid="disb-paid" />
      )}

      <CertificatesSection view={view} editable={stage.editable} />
      <PayeeSection view={view} editable={stage.editable} />
      {(stage.editable || stage.receiptReady) && <ReceiptPrintSection view={view} />}
      <ReceiptUploadSection view={view} stage={stage} />
      <SubsidyTimeline entries={view.timeline} title={t('disb.step.timeline')} />
    </Card>
  );
}
