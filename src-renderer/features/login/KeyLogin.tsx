import { Form, Input } from 'antd';
import { useState } from 'react';
import { KeySign } from '../../certificates/KeySign';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';
import { renewalPendingSchema, type RenewalPending } from '@shared/contract/http/renewal';
import { RenewalConfirm } from './RenewalConfirm';

/** Answers after which the "which account" step asks for the account's password (issue 13). */
const ASK_PASSWORD = ['CA_ACCOUNT_PASSWORD_REQUIRED', 'CA_CERT_NOT_BOUND'];

/**
 * CA 登录: choose a plugged-in key, type its PIN (or use its PIN pad), sign the server's challenge. The key lands on
 * the account it is bound to; a clerk whose company key serves several accounts (or not yet theirs) names the
 * account, and the first time that account's password too — then the key is bound to it (src-server
 * domain/ca-landing.ts). After an expired session the account is the one that was signed in.
 */
export function KeyLogin() {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  const [username, setUsername] = useState(() => useSession.getState().expired?.username ?? '');
  const [expiredEnterprise] = useState(() => useSession.getState().expired?.enterprise ?? null);
  const [password, setPassword] = useState('');
  const [askPassword, setAskPassword] = useState(false);
  const [askAccount, setAskAccount] = useState(false);
  const [renewal, setRenewal] = useState<RenewalPending | null>(null);
  if (renewal) return <RenewalConfirm pending={renewal} onBack={() => setRenewal(null)} />;
  return (
    <KeySign
      purpose="login"
      // After an expired session, the key of the enterprise that was signed in (never another company's).
      enterprise={expiredEnterprise ? { uscc: expiredEnterprise, name: expiredEnterprise } : null}
      pinId="ca-login-pin"
      submitLabel={t('login.submit')}
      fields={
        <>
          <Form.Item label={t('roles.login.account')} htmlFor="ca-login-account" extra={askAccount ? t('roles.login.whichAccount') : t('roles.login.accountHint')} validateStatus={askAccount && !username ? 'warning' : undefined}>
            <Input id="ca-login-account" autoComplete="username" maxLength={64} value={username} onChange={(e) => setUsername(e.target.value)} />
          </Form.Item>
          {askPassword && (
            <Form.Item label={t('roles.login.password')} htmlFor="ca-login-password" extra={t('roles.login.passwordHint')}>
              <Input.Password id="ca-login-password" autoComplete="current-password" maxLength={256} value={password} onChange={(e) => setPassword(e.target.value)} />
            </Form.Item>
          )}
        </>
      }
      action={async (fingerprint, pin) => {
        const name = username.trim();
        const account = name ? { username: name, ...(askPassword && password ? { password } : {}) } : undefined;
        // Like the PIN, the password leaves state as the attempt starts.
        setPassword('');
        const r = await call((api) => api.auth.loginWithKey({ fingerprint, ...(pin === undefined ? {} : { pin }), ...(account ? { account } : {}) }));
        if (r.ok) signedIn(r.value);
        else {
          setAskAccount(r.error.code === 'CA_ACCOUNT_CHOICE_REQUIRED' || (r.error.code === 'CA_CERT_NOT_BOUND' && !name));
          if (ASK_PASSWORD.includes(r.error.code)) setAskPassword(true);
          // A renewed key: the administrator's code is the next step (issue 17 item 3).
          const pending = r.error.code === 'RENEWAL_NEEDS_CONFIRMATION' ? renewalPendingSchema.safeParse(r.error.issues?.[0]?.params) : null;
          if (pending?.success) setRenewal(pending.data);
        }
        return r;
      }}
    />
  );
}
