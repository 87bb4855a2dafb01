import type { WizardSteps } from '../registration/StepNav';
import { STEPS, usePreRegistration, type StepId } from '../../state/pre-registration';

/** The pre-registration's steps for the shared StepNav (上一步 / 下一步); the status page has none. */
export function usePreRegistrationSteps(): WizardSteps {
  const step = usePreRegistration((s) => s.draft.step);
  const goTo = usePreRegistration((s) => s.goTo);
  return { steps: STEPS.slice(0, -1), step, goTo: (s) => goTo(s as StepId) };
}
