import { Alert, App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { useSettings } from '../../state/settings';

interface FormValues {
  serverUrl: string;
  language: Settings['language'];
  /** One library path per line. */
  modules: string;
}

/**
 * 设置: the portal server (IT may have set it at install time), the language, and extra PKCS#11 libraries for a
 * key whose driver Tongban does not know yet (support reads the path off `tongban-ca diagnose` or the vendor's
 * install folder). Saved to the local store; a new library is loaded at once.
 */
export default function SettingsPage() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);
  const back = useRouter((s) => s.back);

  useEffect(() => {
    void call((api) => api.settings.get()).then((r) => {
      if (r.ok) form.setFieldsValue({ serverUrl: r.value.serverUrl, language: r.value.language, modules: r.value.pkcs11Modules.join('\n') });
      else setError(r.error);
    });
  }, [form]);

  const save = async (values: FormValues) => {
    setSaving(true);
    setError(null);
    const pkcs11Modules = values.modules.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const r = await call((api) => api.settings.update({ serverUrl: values.serverUrl.trim(), language: values.language, pkcs11Modules }));
    setSaving(false);
    if (!r.ok) return setError(r.error);
    await useSettings.getState().load();
    void message.success(t('settings.saved'));
  };

  return (
    <Card style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22 }}>
        {t('settings.title')}
      </Typography.Title>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark={false}>
        <Form.Item
          name="serverUrl"
          label={t('settings.serverUrl')}
          extra={t('settings.serverUrlHint')}
          rules={[
            { required: true, message: t('settings.serverUrlRequired') },
            { pattern: /^https?:\/\/[^\s/]+(\/\S*)?$/, message: t('settings.serverUrlFormat') },
          ]}
        >
          <Input inputMode="url" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="language" label={t('settings.language')}>
          <Select
            aria-label={t('settings.language')}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item name="modules" label={t('settings.modules')} extra={t('settings.modulesHint')}>
          <Input.TextArea rows={4} spellCheck={false} placeholder="C:\Windows\System32\vendor_pkcs11.dll" />
        </Form.Item>
        <Alert type="info" showIcon title={t('settings.modulesNote')} style={{ marginBottom: 16 }} />
        <ErrorAlert error={error} style={{ marginBottom: 16 }} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('settings.save')}
          </Button>
          <Button onClick={() => back('login')}>{t('settings.back')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
