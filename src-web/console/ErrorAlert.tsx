/** A failure as staff should read it: the server's message and hint for its stable code, the code and request id small. */
import { Alert } from 'antd';
import { ConsoleError } from './api';
import { useLang, useT } from './i18n';

export function ErrorAlert({ error, action }: { error: unknown; action?: React.ReactNode }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  if (!error) return null;
  const body = error instanceof ConsoleError ? error.body : null;
  const message = body ? body.message[lang] : t('error.title');
  const extra = [body?.code ? t('error.code', { code: body.code }) : '', body?.requestId ? t('error.requestId', { id: body.requestId }) : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={
        <>
          {body?.hint ? <div>{body.hint[lang]}</div> : null}
          {body?.issues?.length ? <div>{body.issues.map((i) => `${i.path}: ${i.code}`).join('；')}</div> : null}
          <div style={{ fontSize: 12, opacity: 0.7 }}>{extra}</div>
        </>
      }
      action={action}
    />
  );
}
