import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Steps, Typography } from 'antd';
import { useEffect } from 'react';
import type { MessageKey } from '@shared/i18n/messages';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { STEPS, startAutosave, usePreRegistration, type StepId } from '../../state/pre-registration';
import { StepPrint } from '../registration/StepPrint';
import { StepNav } from '../registration/StepNav';
import { usePreRegistrationSteps } from './nav';
import { checkPreRegistrationForm } from './pre-registration-form';
import { StatusPage } from './StatusPage';
import { StepForm } from './StepForm';
import { StepOrigin } from './StepOrigin';
import { StepSubmit } from './StepSubmit';
import { StepUpload } from './StepUpload';

const TITLES: Record<StepId, MessageKey> = {
  origin: 'prereg.step.origin',
  form: 'prereg.step.form',
  print: 'prereg.step.print',
  upload: 'prereg.step.upload',
  submit: 'prereg.step.submit',
  status: 'prereg.step.status',
};

/** The forms to stamp, from what was typed: the CA registration's generator (main), filled for pre-registration. */
function PrintStep() {
  const t = useT();
  const form = usePreRegistration((s) => s.draft.form);
  const wizard = usePreRegistrationSteps();
  const generate = () => {
    const checked = checkPreRegistrationForm(form);
    const typed = checked.ok ? { ...checked.value, administrator: { ...checked.value.administrator, email: checked.value.administrator.email ?? '' } } : form;
    return call((api) => api.preRegistration.printForms({ form: typed }));
  };
  return <StepPrint generate={generate} intro={t('prereg.print.intro')} nav={<StepNav wizard={wizard} />} />;
}

/**
 * 线上预注册 (manual 002 §五, DESIGN.md "Pre-registration"): who the legal representative is → details → forms to
 * print and stamp → scans → submit (checked at once) → the status, which stays here across restarts until the
 * clerk goes to sign-in after approval.
 */
export default function PreRegistrationWizard() {
  const t = useT();
  const { modal } = App.useApp();
  const go = useRouter((s) => s.go);
  const loaded = usePreRegistration((s) => s.loaded);
  const restored = usePreRegistration((s) => s.restored);
  const step = usePreRegistration((s) => s.draft.step);
  const request = usePreRegistration((s) => s.request);

  useEffect(() => {
    void usePreRegistration.getState().load();
    return startAutosave();
  }, []);

  // A request waiting for staff is not started over: only a correction of a refused one, or nothing sent yet.
  const canStartOver = loaded && step !== 'origin' && step !== 'status' && request === null;
  const startOver = () =>
    modal.confirm({
      title: t('prereg.startOverConfirm'),
      okText: t('prereg.startOver'),
      cancelText: t('ca.cancel'),
      onOk: () => usePreRegistration.getState().forget(),
    });

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('prereg.title')}
        </Typography.Title>
        <Space wrap>
          {canStartOver && <Button onClick={startOver}>{t('prereg.startOver')}</Button>}
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('login')}>
            {t('nav.toLogin')}
          </Button>
        </Space>
      </Space>
      {!loaded ? (
        <div style={{ padding: 60, textAlign: 'center' }}>
          <Spin description={t('app.loading')} />
        </div>
      ) : (
        <>
          <nav aria-label={t('prereg.title')}>
            <Steps current={STEPS.indexOf(step)} size="small" items={STEPS.map((id) => ({ key: id, title: t(TITLES[id]) }))} style={{ marginBottom: 24 }} />
          </nav>
          {restored && (
            <Alert type="info" showIcon role="status" title={t('prereg.restored')} style={{ marginBottom: 16 }} />
          )}
          <section aria-labelledby="prereg-step-title">
            <Typography.Title id="prereg-step-title" level={3} style={{ fontSize: 18, marginTop: 0 }}>
              {t(TITLES[step])}
            </Typography.Title>
            {step === 'origin' && <StepOrigin />}
            {step === 'form' && <StepForm />}
            {step === 'print' && <PrintStep />}
            {step === 'upload' && <StepUpload />}
            {step === 'submit' && <StepSubmit />}
            {step === 'status' && <StatusPage />}
          </section>
        </>
      )}
    </Card>
  );
}
