/**
 * 北京企业认证审核 (issue 16): identity documents of legal representatives from outside the mainland, each with its
 * one-working-day deadline (overdue ones marked), and unbinding requests; the documents open in a new tab; approve,
 * or reject with a reason. The server texts the clerk (and, for an unbinding, the account whose binding ends).
 */
import { Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  beijingDocumentRoute,
  beijingQueueRoute,
  certificationDecisionRoute,
  unbindingDecisionRoute,
  type StaffCertification,
  type StaffUnbinding,
} from '@shared/contract/http/beijing';
import { chinaDate } from '@shared/time/china';
import { call, callBlob } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { dateTime } from '../format';
import { useT } from '../i18n';
import { useRemote } from '../use-remote';

type Doc = StaffCertification['documents'][number];
type Target = { kind: 'certification'; id: string } | { kind: 'unbinding'; id: string };

const loadQueue = () => call(beijingQueueRoute);

function Documents({ documents }: { documents: Doc[] }) {
  const t = useT();
  const open = async (d: Doc) => {
    const blob = await callBlob(beijingDocumentRoute, { sha256: d.sha256 }, d.mediaType);
    window.open(URL.createObjectURL(blob), '_blank', 'noopener');
  };
  return (
    <Space direction="vertical" size={0}>
      {documents.map((d, i) => (
        <Button key={d.sha256} type="link" size="small" style={{ paddingInline: 0 }} onClick={() => void open(d)}>
          {t('bj.queue.document', { n: i + 1 })}
        </Button>
      ))}
    </Space>
  );
}

export function BeijingQueueScreen() {
  const t = useT();
  const queue = useRemote(loadQueue, 'beijing');
  const [rejecting, setRejecting] = useState<Target | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const decide = async (target: Target, body: { decision: 'approve' } | { decision: 'reject'; reason: string }) => {
    setError(null);
    try {
      if (target.kind === 'certification') await call(certificationDecisionRoute, { params: { certificationId: target.id }, body });
      else await call(unbindingDecisionRoute, { params: { requestId: target.id }, body });
      setRejecting(null);
      queue.reload();
    } catch (e) {
      setError(e);
    }
  };
  const actions = (target: Target, label: string) => (
    <Space>
      <Button type="primary" size="small" onClick={() => void decide(target, { decision: 'approve' })} aria-label={`${t('bj.queue.approve')} ${label}`} data-testid={`bj-approve-${target.id}`}>
        {t('bj.queue.approve')}
      </Button>
      <Button danger size="small" onClick={() => setRejecting(target)} aria-label={`${t('bj.queue.reject')} ${label}`}>
        {t('bj.queue.reject')}
      </Button>
    </Space>
  );

  const certColumns = [
    { title: t('bj.queue.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('bj.queue.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    {
      title: t('bj.queue.legal'),
      key: 'legal',
      render: (_: unknown, c: StaffCertification) => `${c.legalRepresentative.name} · ${t(`bj.idType.${c.legalRepresentative.idType}`)} ${c.legalRepresentative.idNumber}`,
    },
    { title: t('bj.queue.documents'), key: 'docs', render: (_: unknown, c: StaffCertification) => <Documents documents={c.documents} /> },
    { title: t('bj.queue.account'), dataIndex: 'accountMobile' },
    { title: t('bj.queue.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => dateTime(v) },
    {
      title: t('bj.queue.deadline'),
      key: 'deadline',
      render: (_: unknown, c: StaffCertification) => (
        <span data-testid="bj-deadline">
          {chinaDate(new Date(Date.parse(c.reviewDeadline) - 1))} 24:00 {c.overdue && <Tag color="error">{t('bj.queue.overdue')}</Tag>}
        </span>
      ),
    },
    { title: '', key: 'actions', render: (_: unknown, c: StaffCertification) => actions({ kind: 'certification', id: c.id }, c.enterpriseName) },
  ];
  const unbindColumns = [
    { title: t('bj.queue.enterprise'), dataIndex: 'enterpriseName' },
    { title: t('bj.queue.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
    { title: t('bj.queue.reason'), dataIndex: 'reason' },
    { title: t('bj.queue.contact'), key: 'contact', render: (_: unknown, u: StaffUnbinding) => `${u.contact.name} ${u.contact.mobile}` },
    { title: t('bj.queue.account'), dataIndex: 'requesterMobile' },
    { title: t('bj.queue.bound'), dataIndex: 'boundMobile' },
    { title: t('bj.queue.documents'), key: 'docs', render: (_: unknown, u: StaffUnbinding) => <Documents documents={u.documents} /> },
    { title: t('bj.queue.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => dateTime(v) },
    { title: '', key: 'actions', render: (_: unknown, u: StaffUnbinding) => actions({ kind: 'unbinding', id: u.id }, u.enterpriseName) },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 20 }}>
        {t('bj.queue.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('bj.queue.intro')}</Typography.Paragraph>
      <ErrorAlert error={queue.error ?? error} onRetry={queue.reload} />
      <Card title={t('bj.queue.certifications')}>
        <Table<StaffCertification> rowKey="id" size="small" loading={queue.loading} dataSource={queue.data?.certifications ?? []} columns={certColumns} pagination={false} locale={{ emptyText: t('bj.queue.emptyCertifications') }} />
      </Card>
      <Card title={t('bj.queue.unbindings')}>
        <Table<StaffUnbinding> rowKey="id" size="small" loading={queue.loading} dataSource={queue.data?.unbindings ?? []} columns={unbindColumns} pagination={false} locale={{ emptyText: t('bj.queue.emptyUnbindings') }} />
      </Card>
      <Modal
        open={rejecting !== null}
        title={t('bj.queue.reject')}
        okText={t('bj.queue.reject')}
        okButtonProps={{ danger: true }}
        onCancel={() => setRejecting(null)}
        onOk={() => void form.validateFields().then((v) => rejecting && decide(rejecting, { decision: 'reject', reason: v.reason }))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('bj.queue.rejectReason')} rules={[{ required: true, whitespace: true, message: t('bj.queue.rejectReason') }]}>
            <Input.TextArea maxLength={500} rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
