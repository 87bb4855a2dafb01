import { Button, Space } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/store';
import { STEPS, useRegistration } from '../../state/registration-draft';

/** 上一步 / 下一步 under a step. `onNext` may refuse (returns false) after showing why. */
export function StepNav(props: { onNext?: () => boolean | Promise<boolean>; nextDisabled?: boolean; extra?: ReactNode; hideNext?: boolean }) {
  const t = useT();
  const step = useRegistration((s) => s.draft.step);
  const goTo = useRegistration((s) => s.goTo);
  const index = STEPS.indexOf(step);
  const prev = STEPS[index - 1];
  const next = STEPS[index + 1];
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
