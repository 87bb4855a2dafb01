import { Form, type FormInstance } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '@shared/contract/result';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { firstCaptcha } from './captcha-prefetch';
import { CaptchaInput, type Captcha } from './CaptchaInput';

export interface CaptchaState {
  captcha: Captcha | null;
  error: AppError | null;
  /** A new image (one guess per image: call it after every failed sign-in). */
  refresh(): Promise<void>;
}

/** The captcha of a sign-in form: the prefetched first image, then a fresh one on demand. */
export function useCaptcha(): CaptchaState {
  const [captcha, setCaptcha] = useState<Captcha | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async (first: boolean) => {
    setCaptcha(null);
    const r = await (first ? firstCaptcha() : call((api) => api.auth.captcha({})));
    if (r.ok) {
      setCaptcha({ captchaId: r.value.captchaId, image: r.value.image });
      setError(null);
    } else {
      setError(r.error);
    }
  }, []);

  useEffect(() => {
    // Fetching the first captcha is the effect's whole job; its state updates land after the await.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(true);
  }, [load]);

  const refresh = useCallback(() => load(false), [load]);
  return { captcha, error, refresh };
}

/** 验证码 of a sign-in form (form name `captchaAnswer`): the answer, the image, 换一张, and a failed fetch. */
export function CaptchaField({ state }: { state: CaptchaState }) {
  const t = useT();
  const { captcha, error, refresh } = state;
  return (
    <>
      <Form.Item name="captchaAnswer" label={t('login.field.captcha')} rules={[{ required: true, whitespace: true, message: t('login.required.captcha') }]}>
        <CaptchaInput captcha={captcha} loading={!error} onRefresh={() => void refresh()} />
      </Form.Item>
      {error && <ErrorAlert error={error} onRetry={() => void refresh()} style={{ marginBottom: 16 }} />}
    </>
  );
}

/**
 * A sign-in form's submit around its captcha: one attempt per image (a new one after every failure), the password
 * cleared when it was wrong, the error kept for the form to show.
 */
export function useCaptchaSignIn<F extends { password: string; captchaAnswer: string }, T>(
  form: FormInstance<F>,
  attempt: (values: F, captchaId: string) => Promise<Result<T>>,
  onSignedIn: (value: T) => void,
) {
  const captchaState = useCaptcha();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: F) => {
    const { captcha } = captchaState;
    if (!captcha) return;
    setBusy(true);
    setError(null);
    const r = await attempt(values, captcha.captchaId);
    setBusy(false);
    if (r.ok) {
      onSignedIn(r.value);
      return;
    }
    setError(r.error);
    form.setFieldsValue({ captchaAnswer: '', ...(r.error.code === 'LOGIN_FAILED' ? { password: '' } : {}) } as Parameters<FormInstance<F>['setFieldsValue']>[0]);
    void captchaState.refresh();
  };
  return { captchaState, error, busy, submit };
}
