/**
 * One disbursement for finance: the enterprise, every talent with the employment certificate it uploaded, the bank
 * account and contact the receipt names, the receipt PDF the server generated, the stamped receipt as submitted
 * (shown inline), the return reason, the timeline, and the decision on the receipt.
 */
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Skeleton, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { staffGetDisbursementRoute, staffReceiptPdfRoute } from '@shared/contract/http/disbursement';
import { call, callBlob } from '../api';
import { AttachmentPreview, type PreviewTarget } from '../detail/AttachmentPreview';
import { saveAttachment, saveUrl } from '../detail/attachment-files';
import { TimelineList } from '../detail/TimelineTab';
import { ErrorAlert } from '../ErrorAlert';
import { bytes, dateTime, yuan } from '../format';
import { useLang, useT } from '../i18n';
import { canReview } from '../roles';
import { applicationHref, disbursementQueueHref } from '../router';
import { useSession } from '../session';
import { StatusTag } from '../StatusTag';
import { useRemote } from '../use-remote';
import { missingLabel, type StaffDisbursement } from './model';
import { ReceiptActions } from './ReceiptActions';
import { StampedReceipt } from './StampedReceipt';

type Talent = StaffDisbursement['talents'][number];

export function DisbursementScreen({ id }: { id: string }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const role = useSession((s) => s.session?.staff.role);
  const { message } = App.useApp();
  const load = useCallback(() => call(staffGetDisbursementRoute, { params: { applicationId: id } }), [id]);
  const { data: view, error, replace, reload } = useRemote<StaffDisbursement>(load, id);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [fileError, setFileError] = useState<unknown>(null);

  const back = <Button href={disbursementQueueHref}>{t('disb.back')}</Button>;
  if (!view) {
    return error ? <Result status="warning" title={<ErrorAlert error={error} />} extra={back} /> : <Skeleton active aria-label={t('disb.loading')} />;
  }

  const failed = (e: unknown) => {
    setFileError(e);
    void message.error(t('error.title'));
  };
  const download = (sha256: string, mediaType: string, name: string) => {
    setFileError(null);
    saveAttachment(view.enterpriseId, sha256, mediaType, name).catch(failed);
  };
  const receiptPdfUrl = async () => URL.createObjectURL(await callBlob(staffReceiptPdfRoute, { applicationId: view.applicationId }, 'application/pdf'));
  const receiptName = t('disb.receiptPdfName', { number: view.receiptNumber });
  const stampedName = t('disb.stampedName', { number: view.receiptNumber });
  const stamped = view.stampedReceipt;
  const fileButtons = (name: string, target: Omit<PreviewTarget, 'name'>, onDownload: () => void) => (
    <Space>
      <Button size="small" aria-label={t('attachments.previewOf', { name })} onClick={() => setPreview({ ...target, name })}>
        {t('attachments.preview')}
      </Button>
      <Button size="small" aria-label={t('attachments.downloadOf', { name })} onClick={onDownload}>
        {t('attachments.download')}
      </Button>
    </Space>
  );

  const talentColumns = [
    { title: t('disb.talentName'), dataIndex: 'name' },
    { title: t('disb.idNumber'), dataIndex: 'idNumberMasked', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('disb.position'), dataIndex: 'position' },
    {
      title: t('disb.certificate'),
      render: (_: unknown, talent: Talent) => {
        const cert = talent.employmentCertificate;
        if (!cert) return <Typography.Text type="warning">{t('disb.certificateMissing')}</Typography.Text>;
        const name = t('disb.certificateOf', { name: talent.name });
        return (
          <Space wrap>
            {fileButtons(name, { enterpriseId: view.enterpriseId, sha256: cert.sha256, mediaType: cert.mediaType }, () => download(cert.sha256, cert.mediaType, name))}
            <Typography.Text type="secondary">
              {cert.mediaType.split('/')[1]?.toUpperCase()} · {bytes(cert.size)} · {t('disb.uploadedAt', { at: dateTime(cert.uploadedAt) })}
            </Typography.Text>
          </Space>
        );
      },
    },
  ];

  const dash = (v: string | null | undefined) => (v ? v : '—');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        {back}
        {role && canReview(role) ? <Button href={applicationHref(view.applicationId)}>{t('disb.application')}</Button> : null}
      </Space>
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {view.enterprise.name}
        </Typography.Title>
        <StatusTag status={view.status} />
      </Space>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('detail.uscc')}>{view.enterprise.uscc}</Descriptions.Item>
        <Descriptions.Item label={t('disb.queue.receiptNumber')}>
          <Typography.Text code>{view.receiptNumber}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('disb.queue.amount')}>{yuan(view.amountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('disb.item')}>{view.itemName}</Descriptions.Item>
        <Descriptions.Item label={t('disb.year')}>{view.year}</Descriptions.Item>
        <Descriptions.Item label={t('disb.openedAt')}>{dateTime(view.openedAt)}</Descriptions.Item>
        {view.paidAt ? <Descriptions.Item label={t('disb.paidAt')}>{dateTime(view.paidAt)}</Descriptions.Item> : null}
      </Descriptions>
      <ErrorAlert error={error} />
      <ErrorAlert error={fileError} />
      {view.status === 'receipt_returned' && view.returnReason ? <Alert type="warning" showIcon title={t('disb.returnReason')} description={view.returnReason} /> : null}
      <ReceiptActions view={view} onChanged={replace} onStale={reload} />

      <Card size="small" title={t('disb.stamped')} role="region" aria-label={t('disb.stamped')}>
        {stamped ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text>{t('disb.stampedFrom', { source: t(`disb.source.${stamped.source}`), at: dateTime(stamped.submittedAt) })}</Typography.Text>
              {fileButtons(stampedName, { enterpriseId: view.enterpriseId, sha256: stamped.sha256, mediaType: stamped.mediaType }, () =>
                download(stamped.sha256, stamped.mediaType, stampedName),
              )}
            </Space>
            <StampedReceipt enterpriseId={view.enterpriseId} sha256={stamped.sha256} mediaType={stamped.mediaType} name={stampedName} />
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('disb.stampedNone')}</Typography.Text>
        )}
      </Card>

      <Card size="small" title={t('disb.receipt')} role="region" aria-label={t('disb.receipt')}>
        {view.missing.length ? (
          <Alert type="info" showIcon title={t('disb.receiptNotReady', { missing: view.missing.map((m) => missingLabel(m, t)).join(lang === 'en' ? ', ' : '、') })} />
        ) : (
          <Space wrap>
            <Typography.Text>{t('disb.receiptPdf')}</Typography.Text>
            {fileButtons(receiptName, { enterpriseId: view.enterpriseId, sha256: '', mediaType: 'application/pdf', load: receiptPdfUrl }, () => {
              setFileError(null);
              receiptPdfUrl().then((url) => saveUrl(url, 'application/pdf', receiptName), failed);
            })}
          </Space>
        )}
      </Card>

      <Card size="small" title={t('disb.talents')}>
        <Table<Talent> aria-label={t('disb.talents')} size="small" pagination={false} rowKey="index" dataSource={view.talents} columns={talentColumns} />
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('disb.bank')} role="region" aria-label={t('disb.bank')}>
            {view.bankAccount ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('disb.bankName')}>{view.bankAccount.bankName}</Descriptions.Item>
                <Descriptions.Item label={t('disb.accountName')}>{view.bankAccount.accountName}</Descriptions.Item>
                <Descriptions.Item label={t('disb.accountNumber')}>
                  <Typography.Text code>{view.bankAccount.accountNumber}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('disb.branchName')}>{dash(view.bankAccount.branchName)}</Descriptions.Item>
                <Descriptions.Item label={t('disb.cnaps')}>{dash(view.bankAccount.cnapsCode)}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('disb.notChosen')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('disb.contact')} role="region" aria-label={t('disb.contact')}>
            {view.contact ? (
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t('disb.contactName')}>{view.contact.name}</Descriptions.Item>
                <Descriptions.Item label={t('disb.mobile')}>{view.contact.mobile}</Descriptions.Item>
                <Descriptions.Item label={t('disb.phone')}>{dash(view.contact.phone)}</Descriptions.Item>
                <Descriptions.Item label={t('disb.email')}>{dash(view.contact.email)}</Descriptions.Item>
              </Descriptions>
            ) : (
              <Typography.Text type="secondary">{t('disb.notChosen')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('disb.timeline')}>
        <TimelineList timeline={view.timeline} />
      </Card>
      <AttachmentPreview target={preview} onClose={() => setPreview(null)} />
    </Space>
  );
}
