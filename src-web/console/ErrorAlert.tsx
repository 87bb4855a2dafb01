/**
 * A failure as staff should read it: the server's message and hint for its stable code, the code small and the
 * request id copyable (what support asks for), and "重试" only when the error says retrying may help.
 */
import { Alert, Button, Space, Typography } from 'antd';
import { ConsoleError } from './api';
import { useLang, useT } from './i18n';

export function ErrorAlert({ error, action, onRetry }: { error: unknown; action?: React.ReactNode; onRetry?: () => void }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  if (!error) return null;
  const body = error instanceof ConsoleError ? error.body : null;
  const message = body ? body.message[lang] : t('error.title');
  const retry = body?.retriable && onRetry ? <Button size="small" onClick={onRetry}>{t('error.retry')}</Button> : null;
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
          <div style={{ fontSize: 12, opacity: 0.7 }}>
            {body?.code ? t('error.code', { code: body.code }) : null}
            {body?.requestId ? (
              <Typography.Text style={{ fontSize: 12, marginInlineStart: 12 }} data-testid="error-request-id" copyable={{ text: body.requestId, tooltips: [t('error.requestIdCopy'), t('error.requestIdCopied')] }}>
                {t('error.requestId', { id: body.requestId })}
              </Typography.Text>
            ) : null}
          </div>
        </>
      }
      action={
        retry || action ? (
          <Space orientation="vertical">
            {retry}
            {action}
          </Space>
        ) : undefined
      }
    />
  );
}
