import { Button, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { REQUIREMENTS, usePreRegistration } from '../../state/pre-registration';
import { StepNav } from '../registration/StepNav';
import { usePreRegistrationSteps } from './nav';
import { checkPreRegistrationForm } from './pre-registration-form';

/**
 * 提交: what goes to the server, then the send. The identity and registry checks answer at once; their refusals
 * (the manual's three explanations, each with the other ways in) show here, field issues go back to the form.
 */
export function StepSubmit() {
  const t = useT();
  const draft = usePreRegistration((s) => s.draft);
  const correcting = usePreRegistration((s) => s.request?.status === 'refused');
  const wizard = usePreRegistrationSteps();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const { enterprise, legalRepresentative: rep, administrator } = draft.form;

  const send = async () => {
    setBusy(true);
    setError(null);
    const checked = checkPreRegistrationForm(draft.form);
    const form = checked.ok ? { ...checked.value, administrator: { ...checked.value.administrator, email: checked.value.administrator.email ?? '' } } : draft.form;
    const attachments = REQUIREMENTS.flatMap((r) => (draft.attachments[r] ? [draft.attachments[r]] : []));
    const r = await call((api) => api.preRegistration.submit({ form, attachments }));
    setBusy(false);
    if (r.ok) {
      await usePreRegistration.getState().submitted(r.value);
      return;
    }
    setError(r.error);
    usePreRegistration.getState().refused(r.error);
  };

  return (
    <>
      <Typography.Paragraph>{t('prereg.submit.intro')}</Typography.Paragraph>
      <Descriptions bordered size="small" column={1} style={{ maxWidth: 760, marginBottom: 16 }}>
        <Descriptions.Item label={t('prereg.submit.enterprise')}>{t('reg.done.enterpriseLine', { name: enterprise.name, uscc: enterprise.uscc })}</Descriptions.Item>
        <Descriptions.Item label={t('prereg.submit.representative')}>{`${rep.name} ${rep.mobile}`}</Descriptions.Item>
        <Descriptions.Item label={t('prereg.submit.administrator')}>{`${administrator.name} ${administrator.mobile}`}</Descriptions.Item>
        <Descriptions.Item label={t('prereg.submit.documents')}>{t('prereg.submit.documentsCount', { count: Object.keys(draft.attachments).length })}</Descriptions.Item>
      </Descriptions>
      <ErrorAlert error={error} onRetry={() => void send()} style={{ marginBottom: 16 }} />
      <StepNav
        wizard={wizard}
        extra={
          <Button type="primary" size="large" loading={busy} onClick={() => void send()} data-testid="prereg-submit">
            {t(correcting ? 'prereg.submit.resend' : 'prereg.submit.send')}
          </Button>
        }
      />
    </>
  );
}
