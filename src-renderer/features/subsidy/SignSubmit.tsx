import { Typography } from 'antd';
import { useState } from 'react';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { KeySign } from '../../certificates/KeySign';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { submissionContent, useSubsidyApplication } from '../../state/subsidy-application';
import { submission } from '../../state/subsidy-form';

/**
 * 确认提交: the enterprise's CA key (another enterprise's is not selectable) and the PIN in KeySign, then main signs
 * the canonical JSON of the form with every attachment hash and submits it through its outbox. The idempotency key
 * is fixed for the content before signing, so a retry (timeout, pulled key, lost answer) is the same submission.
 */
export function SignSubmit(props: { app: SubsidyApplicationView; ready: boolean; onBlocked(): void; onDone(app: SubsidyApplicationView): void }) {
  const t = useT();
  const [tried, setTried] = useState(false);
  const uscc = props.app.enterprise.uscc;
  const resubmit = props.app.status === 'returned';

  const submit = async (fingerprint: string, pin?: string) => {
    const state = useSubsidyApplication.getState();
    const body = submission(state.form);
    const idempotencyKey = state.keyFor(submissionContent(fingerprint, body));
    const r = await call((api) => api.subsidy.submit({ applicationId: props.app.id, fingerprint, ...(pin === undefined ? {} : { pin }), idempotencyKey, ...body }));
    if (r.ok) props.onDone(r.value);
    // Fields the server refused are shown beside their fields on the form above.
    else useSubsidyApplication.getState().refused(r.error);
    return r;
  };

  return (
    <section aria-labelledby="subsidy-sign">
      <Typography.Title level={3} id="subsidy-sign" style={{ fontSize: 16 }}>
        {t('subsidy.sign.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('subsidy.sign.intro', { uscc })}</Typography.Paragraph>
      <div style={{ maxWidth: 520, marginTop: 16 }}>
        <KeySign
          purpose="registration"
          expectedUscc={uscc}
          pinId="subsidy-sign-pin"
          submitLabel={resubmit ? t('subsidy.sign.resubmit') : t('subsidy.sign.submit')}
          action={submit}
          ready={() => {
            setTried(true);
            if (!props.ready) props.onBlocked();
            return props.ready;
          }}
        >
          {!props.ready && tried && (
            <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
              {t('subsidy.sign.fixFirst')}
            </Typography.Paragraph>
          )}
        </KeySign>
      </div>
    </section>
  );
}
