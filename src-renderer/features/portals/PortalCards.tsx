import { App, Button, Card, Col, Form, Input, Row, Space, Tag, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useState } from 'react';
import { clientMethods, type KnownPortal } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { checkForm, contractRule } from '@shared/forms';
import { PORTALS } from '@shared/portals/catalogue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { usePortal } from '../../state/portal';

/**
 * One card per portal of the catalogue: its name and city, the server address this PC would use (IT's or the
 * clerk's, else the catalogue's), and the button that checks the server is that portal's and switches to it. On
 * the first start every portal has one; in Settings the current portal is only marked (its address is the form's).
 */
export function PortalCards(props: { mode: 'first-start' | 'settings' }) {
  const known = usePortal((s) => s.known);
  const current = usePortal((s) => s.current);
  return (
    <Row gutter={[16, 16]}>
      {known.map((p) => (
        <Col key={p.id} xs={24} md={12}>
          <PortalCard portal={p} mode={props.mode} current={props.mode === 'settings' && p.id === current} />
        </Col>
      ))}
    </Row>
  );
}

function PortalCard({ portal, mode, current }: { portal: KnownPortal; mode: 'first-start' | 'settings'; current: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const entry = PORTALS[portal.id];
  const name = entry.name[locale];
  const [form] = Form.useForm<{ serverUrl: string }>();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const issuesOf = (values: { serverUrl?: string }) => checkForm(clientMethods.portals.choose, { portal: portal.id, serverUrl: values.serverUrl?.trim() }).issues;

  const choose = async ({ serverUrl }: { serverUrl: string }) => {
    setBusy(true);
    setError(null);
    const failed = await usePortal.getState().choose(portal.id, serverUrl.trim());
    setBusy(false);
    if (failed) return setError(failed);
    void message.success(t('portals.switched', { portal: name }));
  };

  return (
    <Card data-testid={`portal-${portal.id}`} title={<h2 style={{ margin: 0, fontSize: 18 }}>{name}</h2>} extra={current ? <Tag color="blue">{t('portals.choice.current')}</Tag> : null}>
      <Typography.Paragraph type="secondary">{t('portals.choice.city', { city: entry.city[locale] })}</Typography.Paragraph>
      {!current && (
        <Form form={form} name={`portal-${portal.id}`} layout="vertical" requiredMark={false} initialValues={{ serverUrl: portal.serverUrl }} onFinish={(v) => void choose(v)}>
          <Form.Item name="serverUrl" label={t('portals.choice.serverUrl', { portal: name })} rules={[contractRule(issuesOf, 'serverUrl', locale) as Rule]}>
            <Input inputMode="url" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <ErrorAlert error={error} style={{ marginBottom: 16 }} />
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid={`choose-${portal.id}`}>
              {mode === 'settings' ? t('portals.settings.switch', { portal: name }) : t('portals.choice.use', { portal: name })}
            </Button>
            {busy && <Typography.Text type="secondary">{t('portals.choice.checking')}</Typography.Text>}
          </Space>
        </Form>
      )}
    </Card>
  );
}
