import { useEffect } from 'react';
import type { MessageKey } from '@shared/i18n/messages';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { REQUIREMENTS, STEPS, startAutosave, usePreRegistration, type StepId } from '../../state/pre-registration';
import { StepPrint } from '../registration/StepPrint';
import { StepNav } from '../registration/StepNav';
import { WizardFrame } from '../registration/WizardFrame';
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
  return <StepPrint requirements={REQUIREMENTS} generate={generate} intro={t('prereg.print.intro')} nav={<StepNav wizard={wizard} />} />;
}

/**
 * 线上预注册 (manual 002 §五, DESIGN.md "Pre-registration"): who the legal representative is → details → forms to
 * print and stamp → scans → submit (checked at once) → the status, which stays here across restarts until the
 * clerk goes to sign-in after approval.
 */
export default function PreRegistrationWizard() {
  const t = useT();
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

  return (
    <WizardFrame
      title={t('prereg.title')}
      loaded={loaded}
      steps={STEPS.map((id) => ({ key: id, title: t(TITLES[id]) }))}
      current={STEPS.indexOf(step)}
      startOver={canStartOver ? { label: t('prereg.startOver'), confirm: t('prereg.startOverConfirm'), run: () => void usePreRegistration.getState().forget() } : null}
      onLeave={() => go('login')}
      restored={restored ? { text: t('prereg.restored') } : null}
      step={step}
      stepTitle={t(TITLES[step])}
    >
      {step === 'origin' && <StepOrigin />}
      {step === 'form' && <StepForm />}
      {step === 'print' && <PrintStep />}
      {step === 'upload' && <StepUpload />}
      {step === 'submit' && <StepSubmit />}
      {step === 'status' && <StatusPage />}
    </WizardFrame>
  );
}
