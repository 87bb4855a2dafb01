import { useEffect } from 'react';
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
import { WizardFrame } from './WizardFrame';

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
  const go = useRouter((s) => s.go);
  const loaded = useRegistration((s) => s.loaded);
  const restored = useRegistration((s) => s.restored);
  const step = useRegistration((s) => s.draft.step);
  const submitted = useRegistration((s) => s.draft.submission !== null);

  useEffect(() => {
    void useRegistration.getState().load();
    return startAutosave();
  }, []);

  const leave = () => {
    // A finished registration leaves nothing behind; the next visit starts afresh.
    if (useRegistration.getState().draft.step === 'done') void useRegistration.getState().startOver();
    go('login');
  };

  return (
    <WizardFrame
      title={t('reg.title')}
      loaded={loaded}
      steps={STEPS.map((id) => ({ key: id, title: t(STEP_TITLES[id]) }))}
      current={STEPS.indexOf(step)}
      finished={step === 'done'}
      startOver={
        loaded && step !== 'done' && step !== 'ca' && !submitted
          ? { label: t('reg.startOver'), confirm: t('reg.startOverConfirm'), run: () => void useRegistration.getState().startOver() }
          : null
      }
      onLeave={leave}
      restored={restored ? { text: t('reg.restored'), onDismiss: () => useRegistration.getState().dismissRestored() } : null}
      step={step}
      stepTitle={t(STEP_TITLES[step])}
    >
      {step === 'ca' && <StepChooseCa />}
      {step === 'readKey' && <StepReadKey />}
      {step === 'form' && <StepForm />}
      {step === 'print' && <StepPrint />}
      {step === 'upload' && <StepUpload />}
      {step === 'sign' && <StepSign />}
      {step === 'sms' && <StepSms />}
      {step === 'done' && <StepDone onLogin={leave} />}
    </WizardFrame>
  );
}
