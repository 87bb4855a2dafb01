import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ClientResults } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';
import { QrCode } from '../disbursement/QrCode';

type Login = ClientResults['auth']['elicenceStart'];
type LoginState = ClientResults['auth']['elicenceState'];
/** How often the desk asks the server for the login's state (the phone step takes seconds, the code two minutes). */
const POLL_MS = 1500;

/**
 * 电子营业执照 tab (issue 14): the QR code of a one-time login and its state as the server's state machine reports
 * it — waiting, scanned (by whom), confirmed → signed in, or expired / refused with 刷新二维码. The poll secret stays
 * in main; the link is also shown as text, since browser mode and the e2e open it without a phone.
 */
export function ElicenceLogin() {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const [login, setLogin] = useState<Login | null>(null);
  const [state, setState] = useState<LoginState | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const start = useCallback(async () => {
    setError(null);
    setState(null);
    const r = await call((api) => api.auth.elicenceStart());
    if (r.ok) setLogin(r.value);
    else setError(r.error);
  }, []);

  useEffect(() => {
    // The first code as the tab opens; later ones from 刷新二维码.
    let live = true;
    void call((api) => api.auth.elicenceStart()).then((r) => {
      if (!live) return;
      if (r.ok) setLogin(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  const open = !state || ['created', 'scanned', 'confirmed'].includes(state.state);
  useEffect(() => {
    if (!login || !open) return;
    const timer = setInterval(() => {
      void call((api) => api.auth.elicenceState({ loginId: login.loginId })).then((r) => {
        if (!r.ok) {
          setError(r.error);
          setLogin(null);
          return;
        }
        setState(r.value);
        if (r.value.session) signedIn(r.value.session);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [login, open, signedIn]);

  const refresh = (
    <Button type="primary" data-testid="elicence-refresh" onClick={() => void start()}>
      {t('elicence.refresh')}
    </Button>
  );
  const status = state?.state ?? 'created';
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', alignItems: 'center', textAlign: 'center' }} data-testid="elicence-login">
      <Typography.Paragraph style={{ maxWidth: 420 }}>{t('elicence.intro')}</Typography.Paragraph>
      <ErrorAlert error={error} extra={refresh} />
      {login && open && <QrCode text={login.qrUrl} label={t('elicence.qrLabel')} testId="elicence-qr" />}
      {login && open && (
        <Typography.Link href={login.qrUrl} target="_blank" data-testid="elicence-link">
          {t('elicence.openLink')}
        </Typography.Link>
      )}
      <div role="status" aria-live="polite" data-testid="elicence-state" data-state={status}>
        {status === 'created' && login && <Typography.Text>{t('elicence.state.created')}</Typography.Text>}
        {status === 'scanned' && state?.scannedBy && (
          <Alert type="info" showIcon title={t('elicence.state.scanned', { name: state.scannedBy.name, role: t(`elicence.role.${state.scannedBy.role}`) })} />
        )}
        {(status === 'confirmed' || status === 'consumed') && <Alert type="success" showIcon title={t('elicence.state.confirmed')} />}
        {status === 'expired' && <Alert type="warning" showIcon title={t('elicence.state.expired')} action={refresh} />}
        {status === 'refused' && !state?.refusalCode && <Alert type="warning" showIcon title={t('elicence.state.refused')} action={refresh} />}
        {status === 'refused' && state?.refusalCode && <ErrorAlert error={{ code: state.refusalCode, retriable: false }} extra={refresh} />}
      </div>
      <Typography.Text type="secondary" style={{ maxWidth: 420, display: 'block' }}>
        {t('elicence.foreignNote')}
      </Typography.Text>
    </Space>
  );
}
