import { KeySign } from '../../certificates/KeySign';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useSession } from '../../state/session';

/** CA 登录: choose a plugged-in key, type its PIN (or use its PIN pad), sign the server's challenge. */
export function KeyLogin() {
  const t = useT();
  const signedIn = useSession((s) => s.signedIn);
  return (
    <KeySign
      purpose="login"
      pinId="ca-login-pin"
      submitLabel={t('login.submit')}
      action={async (fingerprint, pin) => {
        const r = await call((api) => api.auth.loginWithKey(pin === undefined ? { fingerprint } : { fingerprint, pin }));
        if (r.ok) signedIn(r.value);
        return r;
      }}
    />
  );
}
