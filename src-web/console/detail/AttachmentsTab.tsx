/** Every file of the latest signed version, the application's and each talent's, with preview and download. */
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { App } from 'antd';
import { requirementLabel } from '../domain-labels';
import { bytes } from '../format';
import { useLang, useT } from '../i18n';
import { AttachmentPreview, type PreviewTarget } from './AttachmentPreview';
import { saveAttachment } from './attachment-files';
import { pendingChanges, signedForm, type StaffApplication } from './model';
import { ErrorAlert } from '../ErrorAlert';

interface Row {
  key: string;
  path: string;
  owner: string;
  requirement: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export function AttachmentsTab({ app }: { app: StaffApplication }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { message } = App.useApp();
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const [error, setError] = useState<unknown>(null);
  const form = signedForm(app);
  const changed = pendingChanges(app)?.attachments ?? [];

  const rows: Row[] = form
    ? [
        ...form.attachments.map((a, i) => ({ ...a, key: `a${i}`, path: `attachments.${a.requirement}`, owner: t('attachments.application') })),
        ...form.talents.flatMap((talent, ti) =>
          talent.attachments.map((a, i) => ({
            ...a,
            key: `t${ti}-${i}`,
            path: `talents[${ti}].attachments.${a.requirement}`,
            owner: t('detail.talent', { n: ti + 1, name: talent.name }),
          })),
        ),
      ]
    : [];
  const nameOf = (r: Row) => `${r.owner} · ${requirementLabel(r.requirement, lang)}`;
  const download = (r: Row) => {
    setError(null);
    saveAttachment(app.enterpriseId, r.sha256, r.mediaType, nameOf(r)).catch((e: unknown) => {
      setError(e);
      void message.error(t('error.title'));
    });
  };

  return (
    <>
      <ErrorAlert error={error} />
      <Table<Row>
        aria-label={t('attachments.table')}
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('attachments.empty') }}
        rowClassName={(r) => (changed.includes(r.path) ? 'console-changed' : '')}
        columns={[
          { title: t('attachments.owner'), dataIndex: 'owner' },
          {
            title: t('attachments.requirement'),
            render: (_, r) => (
              <Space>
                {requirementLabel(r.requirement, lang)}
                {changed.includes(r.path) ? <Tag color="orange">{t('detail.changed')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('attachments.type'), dataIndex: 'mediaType', render: (v: string) => <Typography.Text type="secondary">{v.split('/')[1]?.toUpperCase()}</Typography.Text> },
          { title: t('attachments.size'), dataIndex: 'size', align: 'right', render: (v: number) => bytes(v) },
          {
            title: t('attachments.actions'),
            render: (_, r) => (
              <Space>
                <Button size="small" aria-label={t('attachments.previewOf', { name: nameOf(r) })} onClick={() => setPreview({ enterpriseId: app.enterpriseId, sha256: r.sha256, mediaType: r.mediaType, name: nameOf(r) })}>
                  {t('attachments.preview')}
                </Button>
                <Button size="small" aria-label={t('attachments.downloadOf', { name: nameOf(r) })} onClick={() => download(r)}>
                  {t('attachments.download')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <AttachmentPreview target={preview} onClose={() => setPreview(null)} />
    </>
  );
}
