import { Alert, Button, Radio, Space, Typography } from 'antd';
import { legalRepresentativeOriginSchema } from '@shared/contract/http/pre-registration';
import { COUNTER_ADDRESS, COUNTER_HOURS, OPERATOR_PHONE } from '@shared/errors/pre-registration';
import { useLocale, useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { usePreRegistration } from '../../state/pre-registration';
import { StepNav } from '../registration/StepNav';
import { usePreRegistrationSteps } from './nav';

/**
 * The first question (manual 002 §一, §五): only a mainland legal representative can be checked online. Anyone
 * else is told here, before typing anything, which ways are theirs: a CA key or the counter.
 */
export function StepOrigin() {
  const t = useT();
  const locale = useLocale();
  const go = useRouter((s) => s.go);
  const origin = usePreRegistration((s) => s.draft.origin);
  const update = usePreRegistration((s) => s.update);
  const wizard = usePreRegistrationSteps();
  return (
    <>
      <Typography.Paragraph>{t('prereg.origin.intro')}</Typography.Paragraph>
      <Typography.Paragraph strong id="prereg-origin-question">
        {t('prereg.origin.question')}
      </Typography.Paragraph>
      <Radio.Group aria-labelledby="prereg-origin-question" value={origin} onChange={(e) => update({ origin: e.target.value as typeof origin })}>
        <Space orientation="vertical">
          {legalRepresentativeOriginSchema.options.map((o) => (
            <Radio key={o} value={o}>
              {t(`prereg.origin.${o}`)}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      {origin !== null && origin !== 'mainland' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginTop: 16 }}
          title={t('prereg.origin.notForYou')}
          description={t('prereg.origin.otherWays', { address: COUNTER_ADDRESS[locale], hours: COUNTER_HOURS[locale], phone: OPERATOR_PHONE })}
          action={
            <Button size="small" onClick={() => go('registration')}>
              {t('prereg.origin.useCa')}
            </Button>
          }
        />
      )}
      <StepNav wizard={wizard} nextDisabled={origin !== 'mainland'} />
    </>
  );
}
