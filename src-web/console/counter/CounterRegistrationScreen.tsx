/**
 * 线下注册 (support, admin): the form → the confirmation with the registry's findings → the result (enterprise,
 * usernames, where the SMS went). A refusal with field issues goes back to the form with them beside the fields.
 */
import { Button, Form, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { counterRegistrationCheckRoute, counterRegistrationCreateRoute, type CounterRegistration } from '@shared/contract/http/counter-registration';
import { fieldErrors } from '@shared/forms';
import { issuesUnder } from '@shared/validation/issues';
import { call, ConsoleError } from '../api';
import { ErrorAlert } from '../ErrorAlert';
import { useLang, useT } from '../i18n';
import { CounterConfirm, type RegistryCheck } from './CounterConfirm';
import { checkCounterForm, counterContractShape, type CounterFormValues } from './counter-form';
import { CounterForm, initialCounterValues } from './CounterForm';

type Created = Awaited<ReturnType<typeof call<typeof counterRegistrationCreateRoute>>>;

export function CounterRegistrationScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const [form] = Form.useForm<CounterFormValues>();
  const [confirming, setConfirming] = useState<{ value: CounterRegistration; check: RegistryCheck } | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const refused = (e: unknown) => {
    setError(e);
    const issues = e instanceof ConsoleError ? issuesUnder(e.body.issues ?? [], 'body') : [];
    if (issues.length) {
      setConfirming(null);
      // The checklist is one field: an item not ticked shows on it.
      const onFields = issues.map((i) => (i.path.startsWith('checklist.') ? { ...i, path: 'checklist' } : i));
      form.setFields(fieldErrors(onFields, lang) as Parameters<typeof form.setFields>[0]);
    }
  };

  const next = async () => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const checked = checkCounterForm(form.getFieldsValue(true) as CounterFormValues);
    if (!checked.ok) return;
    setBusy(true);
    try {
      setConfirming({ value: checked.value, check: await call(counterRegistrationCheckRoute, { body: counterContractShape(form.getFieldsValue(true) as CounterFormValues) }) });
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };

  const create = async (registryOverride: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setCreated(await call(counterRegistrationCreateRoute, { body: { ...counterContractShape(form.getFieldsValue(true) as CounterFormValues), registryOverride } }));
      setConfirming(null);
    } catch (e) {
      refused(e);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    form.resetFields();
    setCreated(null);
    setError(null);
  };

  if (created) {
    return (
      <Result
        status="success"
        title={t('counter.doneTitle')}
        subTitle={t('counter.doneSubtitle', { name: created.name, uscc: created.uscc, usernames: created.usernames.join('、'), mobile: created.mobile })}
        extra={[
          <Typography.Paragraph key="hint">{t('counter.doneHint')}</Typography.Paragraph>,
          <Button key="again" type="primary" onClick={again}>
            {t('counter.another')}
          </Button>,
        ]}
      />
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      {confirming ? null : (
        <>
          <Typography.Title level={3}>{t('counter.title')}</Typography.Title>
          <Typography.Paragraph>{t('counter.intro')}</Typography.Paragraph>
        </>
      )}
      <ErrorAlert error={error} />
      {confirming ? <CounterConfirm value={confirming.value} check={confirming.check} busy={busy} onBack={() => setConfirming(null)} onCreate={(o) => void create(o)} /> : null}
      <div style={{ display: confirming ? 'none' : 'block' }}>
        <Form form={form} layout="horizontal" labelCol={{ flex: '200px' }} labelWrap wrapperCol={{ flex: 1 }} initialValues={initialCounterValues} requiredMark>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <CounterForm form={form} />
            <Button type="primary" loading={busy} onClick={() => void next()}>
              {t('counter.next')}
            </Button>
          </Space>
        </Form>
      </div>
    </Space>
  );
}
