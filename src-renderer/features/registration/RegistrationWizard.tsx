import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { MessageKey } from '@shared/i18n/messages';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { STEPS, startAutosave, useRegistration, type StepId } from '../../state/registration-draft';
import { StepChooseCa } from './StepChooseCa';
import { StepDone } from './StepDone';
import { StepForm } from './StepForm';
import { StepPrint } from './StepPrint';
import { StepReadKey } from './StepReadKey';
import { StepSign } from './StepSign';
import { StepSms } from './StepSms';
import { StepUpload } from './StepUpload';

const STEP_TITLES: Record<StepId, MessageKey> = {
  ca: 'reg.step.ca',
  readKey: 'reg.step.readKey',
  form: 'reg.step.form',
  print: 'reg.step.print',
  upload: 'reg.step.upload',
  sign: 'reg.step.sign',
  sms: 'reg.step.sms',
  done: 'reg.step.done',
};

/**
 * 企业用户注册 with a CA key (DESIGN.md "Registration with a CA key", manual 001): choose CA → read key → forms →
 * print → upload → sign and submit → SMS code → done. The draft autosaves and is restored on opening.
 */
export default function RegistrationWizard() {
  const t = useT();
  const { modal } = App.useApp();
  const go = useRouter((s) => s.go);
  const loaded = useRegistration((s) => s.loaded);
  const restored = useRegistration((s) => s.restored);
  const step = useRegistration((s) => s.draft.step);
  const submitted = useRegistration((s) => s.draft.submission !== null);

  useEffect(() => {
    void useRegistration.getState().load();
    return startAutosave();
  }, []);

  const current = STEPS.indexOf(step);
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    // Each step announces itself: focus moves to its heading when the step changes (not on opening).
    if (shownStep.current !== step) heading.current?.focus();
    shownStep.current = step;
  }, [step]);
  const leave = () => {
    // A finished registration leaves nothing behind; the next visit starts afresh.
    if (useRegistration.getState().draft.step === 'done') void useRegistration.getState().startOver();
    go('login');
  };
  const confirmStartOver = () =>
    modal.confirm({
      title: t('reg.startOverConfirm'),
      okText: t('reg.startOver'),
      cancelText: t('ca.cancel'),
      onOk: () => useRegistration.getState().startOver(),
    });

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('reg.title')}
        </Typography.Title>
        <Space wrap>
          {loaded && step !== 'done' && step !== 'ca' && !submitted && (
            <Button onClick={confirmStartOver}>{t('reg.startOver')}</Button>
          )}
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={leave}>
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
          <nav aria-label={t('reg.title')}>
            <Steps
              current={current}
              status={step === 'done' ? 'finish' : 'process'}
              size="small"
              items={STEPS.map((id) => ({ key: id, title: t(STEP_TITLES[id]) }))}
              style={{ marginBottom: 24 }}
            />
          </nav>
          {restored && (
            <Alert
              type="info"
              showIcon
              role="status"
              title={t('reg.restored')}
              closable={{ onClose: () => useRegistration.getState().dismissRestored() }}
              style={{ marginBottom: 16 }}
            />
          )}
          <section aria-labelledby="reg-step-title">
            <Typography.Title ref={heading} tabIndex={-1} id="reg-step-title" level={3} style={{ fontSize: 18, marginTop: 0, outline: 'none' }}>
              {t(STEP_TITLES[step])}
            </Typography.Title>
            {step === 'ca' && <StepChooseCa />}
            {step === 'readKey' && <StepReadKey />}
            {step === 'form' && <StepForm />}
            {step === 'print' && <StepPrint />}
            {step === 'upload' && <StepUpload />}
            {step === 'sign' && <StepSign />}
            {step === 'sms' && <StepSms />}
            {step === 'done' && <StepDone onLogin={leave} />}
          </section>
        </>
      )}
    </Card>
  );
}
