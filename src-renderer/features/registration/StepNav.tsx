import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/store';
import { STEPS, useRegistration } from '../../state/registration-draft';

/** Another wizard's steps (pre-registration); without it, the CA registration's. */
export interface WizardSteps {
  steps: readonly string[];
  step: string;
  goTo(step: string): void;
}

/** 上一步 / 下一步 under a step. `onNext` may refuse (returns false) after showing why. */
export function StepNav(props: { onNext?: () => boolean | Promise<boolean>; nextDisabled?: boolean; extra?: ReactNode; hideNext?: boolean; wizard?: WizardSteps }) {
  const t = useT();
  const registrationStep = useRegistration((s) => s.draft.step);
  const registrationGoTo = useRegistration((s) => s.goTo);
  const { steps, step, goTo } = props.wizard ?? { steps: STEPS as readonly string[], step: registrationStep, goTo: registrationGoTo as (s: string) => void };
  const index = steps.indexOf(step);
  const prev = steps[index - 1];
  const next = steps[index + 1];
  return (
    <Space style={{ marginTop: 24, width: '100%', justifyContent: 'flex-end' }} wrap>
      {props.extra}
      {prev && (
        <Button size="large" onClick={() => goTo(prev)}>
          {t('reg.prev')}
        </Button>
      )}
      {next && !props.hideNext && (
        <Button
          type="primary"
          size="large"
          disabled={props.nextDisabled}
          onClick={async () => {
            if (!props.onNext || (await props.onNext())) goTo(next);
          }}
        >
          {t('reg.next')}
        </Button>
      )}
    </Space>
  );
}
