import { App, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { FormRule as Rule } from 'antd';
import { useEffect, useState } from 'react';
import { clientMethods, type Settings } from '@shared/contract/client-api';
import type { ManagedState } from '@shared/contract/delivery';
import type { AppError } from '@shared/contract/result';
import { checkForm, contractRule } from '@shared/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { useSettings } from '../../state/settings';
import { ManagedTag, UpdateLine } from './managed';
import { usePortal } from '../../state/portal';
import { PortalCards } from '../portals/PortalCards';

type FormValues = Pick<Settings, 'serverUrl' | 'language' | 'tsaUrl'>;

/**
 * 设置: the portal server (IT may have set it at install time; https, or http only on this computer — the
 * contract's rule), the time-stamp authority for PDF signatures (the same rule; empty: the portal's), the
 * language, and extra PKCS#11 drivers for a key whose driver Tongban does not know yet. The
 * page never names a driver itself: 添加驱动 asks main, which opens its own file dialog and keeps the file only if
 * an administrator installed it (Program Files, System32). Saved to the local store; a new driver loads at once.
 * What group policy sets is shown read-only, marked 由您的组织管理, with the portal IT chose and how updates come.
 */
export default function SettingsPage() {
  const t = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const [drivers, setDrivers] = useState<string[]>([]);
  const [adding, setAdding] = useState(false);
  const [managed, setManaged] = useState<ManagedState | null>(null);
  const back = useRouter((s) => s.back);

  useEffect(() => {
    void call((api) => api.settings.get()).then((r) => {
      if (!r.ok) return setError(r.error);
      form.setFieldsValue({ serverUrl: r.value.serverUrl, language: r.value.language, tsaUrl: r.value.tsaUrl });
      setDrivers(r.value.pkcs11Modules);
    });
    void call((api) => api.settings.managed()).then((r) => r.ok && setManaged(r.value));
    void usePortal.getState().load();
  }, [form]);
  const isManaged = (field: ManagedState['managed'][number]) => managed?.managed.includes(field) ?? false;

  const issuesOf = (values: FormValues) => checkForm(clientMethods.settings.update, { ...values, serverUrl: values.serverUrl?.trim(), tsaUrl: values.tsaUrl?.trim() ?? '' }).issues;

  const save = async (values: FormValues) => {
    setSaving(true);
    setError(null);
    const r = await call((api) => api.settings.update({ serverUrl: values.serverUrl.trim(), language: values.language, tsaUrl: values.tsaUrl?.trim() ?? '' }));
    setSaving(false);
    if (!r.ok) return setError(r.error);
    await useSettings.getState().load();
    void message.success(t('settings.saved'));
  };

  const changeDrivers = async (change: () => Promise<{ ok: true; value: Settings } | { ok: false; error: AppError }>, done: string) => {
    setAdding(true);
    setError(null);
    const r = await change();
    setAdding(false);
    if (!r.ok) return setError(r.error);
    if (r.value.pkcs11Modules.join('\n') !== drivers.join('\n')) void message.success(done);
    setDrivers(r.value.pkcs11Modules);
  };

  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
        {t('settings.title')}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false}>
        {managed?.portal && (
          <Form.Item label={<ManagedTag label={t('delivery.portal')} managed={isManaged('portal')} />}>
            <Typography.Text>{t(`delivery.portal.${managed.portal}`)}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          name="serverUrl"
          label={<ManagedTag label={t('settings.serverUrl')} managed={isManaged('serverUrl')} />}
          extra={isManaged('serverUrl') ? t('delivery.managedHint') : t('settings.serverUrlHint')}
          rules={[{ required: true, message: t('settings.serverUrlRequired') }, contractRule(issuesOf, 'serverUrl', locale) as Rule]}
        >
          <Input inputMode="url" autoComplete="off" spellCheck={false} disabled={isManaged('serverUrl')} />
        </Form.Item>
        <Form.Item name="tsaUrl" label={t('settings.tsaUrl')} extra={t('settings.tsaUrlHint')} rules={[contractRule(issuesOf, 'tsaUrl', locale) as Rule]}>
          <Input inputMode="url" autoComplete="off" spellCheck={false} placeholder="https://" />
        </Form.Item>
        <Form.Item name="language" label={<ManagedTag label={t('settings.language')} managed={isManaged('language')} />}>
          <Select
            aria-label={t('settings.language')}
            disabled={isManaged('language')}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('settings.drivers')} extra={t('settings.driversHint')}>
          <List
            size="small"
            bordered
            dataSource={drivers}
            locale={{ emptyText: t('settings.driversNone') }}
            renderItem={(driver) => (
              <List.Item
                actions={[
                  managed?.managedDrivers.includes(driver) ? <Tag key="managed">{t('delivery.managed')}</Tag> : <Button key="remove" type="link" size="small" disabled={adding} onClick={() => void changeDrivers(() => call((api) => api.settings.removeDriver({ path: driver })), t('settings.driverRemoved'))}>
                    {t('settings.removeDriver')}
                  </Button>,
                ]}
              >
                <Typography.Text code>{driver}</Typography.Text>
              </List.Item>
            )}
          />
          <Button style={{ marginTop: 8 }} loading={adding} onClick={() => void changeDrivers(() => call((api) => api.settings.addDriver()), t('settings.driverAdded'))}>
            {t('settings.addDriver')}
          </Button>
        </Form.Item>
        {managed && (
          <Form.Item label={t('delivery.update')}>
            <UpdateLine status={managed.update} />
          </Form.Item>
        )}
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('settings.save')}
          </Button>
          <Button onClick={() => back('login')}>{t('settings.back')}</Button>
        </Space>
      </Form>
      {/* Portals (issue 16): switch to another portal, giving its server address — unless group policy chose it. */}
      {!isManaged('portal') && (
      <section aria-labelledby="settings-portals" style={{ marginTop: 32 }}>
        <Typography.Title level={3} id="settings-portals" style={{ fontSize: 18 }}>
          {t('portals.settings.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('portals.settings.hint')}</Typography.Paragraph>
        <PortalCards mode="settings" />
      </section>
      )}
    </Card>
  );
}
