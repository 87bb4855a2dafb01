/**
 * One construction filing for the reviewer: the decisions allowed now, the project as signed, the materials, the
 * signed application PDF in a frame, and the signature panel.
 */
import { Button, Card, Descriptions, List, Result, Skeleton, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { filingPayloadSchema, staffGetFilingRoute, type StaffFilingView } from '@shared/contract/http/filing';
import { ErrorAlert } from '../ErrorAlert';
import { call } from '../api';
import { AttachmentPreview, type PreviewTarget } from '../detail/AttachmentPreview';
import { attachmentUrl } from '../detail/attachment-files';
import { bytes, dateTime, yuan } from '../format';
import { useT } from '../i18n';
import type { MessageKey } from '../messages';
import { filingQueueHref } from '../router';
import { StatusTag } from '../StatusTag';
import { useRemote } from '../use-remote';
import { FilingDecision } from './FilingDecision';
import { SignaturePanel } from './SignaturePanel';

/** The signed PDF from the enterprise's file store, in a frame (blob: URL, revoked when it changes or leaves). */
function SignedPdf({ filing }: { filing: StaffFilingView }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const sha256 = filing.signedPdf?.sha256;
  useEffect(() => {
    if (!sha256) return;
    let live = true;
    let made: string | null = null;
    attachmentUrl(filing.enterpriseId, sha256, 'application/pdf').then(
      (u) => (live ? setUrl((made = u)) : URL.revokeObjectURL(u)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [filing.enterpriseId, sha256]);
  if (error) return <ErrorAlert error={error} />;
  return url ? <iframe className="console-preview" src={url} title={t('filing.pdf.title')} /> : <Skeleton active />;
}

export function FilingScreen({ id }: { id: string }) {
  const t = useT();
  const load = useCallback(() => call(staffGetFilingRoute, { params: { filingId: id } }), [id]);
  const { data: filing, error, replace, reload } = useRemote<StaffFilingView>(load, id);
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const back = <Button href={filingQueueHref}>{t('filing.back')}</Button>;
  if (!filing) return error ? <Result status="warning" title={<ErrorAlert error={error} />} extra={back} /> : <Skeleton active />;

  const signed = filingPayloadSchema.safeParse(filing.form);
  const latest = filing.versions.at(-1);
  const p = signed.success ? signed.data.project : null;
  const party = (x: { name: string; uscc: string } | null | undefined) => (x ? `${x.name}（${x.uscc}）` : t('filing.none'));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {back}
      <Space align="center" wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {p?.name ?? filing.enterprise.name}
        </Typography.Title>
        <StatusTag status={filing.status} />
        <Typography.Text type="secondary">{t('filing.version', { version: filing.version })}</Typography.Text>
      </Space>
      <ErrorAlert error={error} />
      <FilingDecision filing={filing} onChanged={replace} onStale={reload} />
      {p && signed.success ? (
        <Card size="small" title={t('filing.section.project')}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('filing.f.applicant')}>{party(signed.data.enterprise)}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.contact')}>{`${signed.data.contact.name} ${signed.data.contact.mobile}`}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.address')} span={2}>{p.address}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.permit')}>{p.planningPermitNumber}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.structure')}>{t(`filing.structure.${p.structureType}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.area')}>{p.floorAreaM2}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.cost')}>{yuan(p.costFen)}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.dates')}>{`${p.plannedStart} — ${p.plannedEnd}`}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.contract')}>{p.contractNumber}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.constructionUnit')}>{party(p.constructionUnit)}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.contractor')}>{party(p.contractor)}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.supervisor')}>{party(p.supervisor)}</Descriptions.Item>
            <Descriptions.Item label={t('filing.f.manager')}>{`${p.projectManager.name} ${p.projectManager.mobile}`}</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
      {signed.success ? (
        <Card size="small" title={t('filing.section.materials')}>
          <List
            size="small"
            dataSource={signed.data.attachments}
            renderItem={(a) => {
              const name = t(`filing.req.${a.requirement}` as MessageKey);
              return (
                <List.Item actions={[<Button key="open" size="small" onClick={() => setPreview({ enterpriseId: filing.enterpriseId, sha256: a.sha256, mediaType: a.mediaType, name })}>{t('filing.pdf.open')}</Button>]}>
                  {name}（{bytes(a.size)}）
                </List.Item>
              );
            }}
          />
        </Card>
      ) : null}
      {latest ? (
        <Card size="small" title={`${t('filing.section.signatures')} · ${dateTime(latest.submittedAt)}`}>
          <SignaturePanel signatures={latest.signatures} />
        </Card>
      ) : null}
      <Card size="small" title={t('filing.section.pdf')}>
        <SignedPdf filing={filing} />
      </Card>
      <AttachmentPreview target={preview} onClose={() => setPreview(null)} />
    </Space>
  );
}
