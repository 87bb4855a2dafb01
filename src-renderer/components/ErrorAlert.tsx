import { Alert, Button, Space, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import type { AppError } from '@shared/contract/result';
import { describeError } from '../errors/describe';
import { useLocale, useT } from '../i18n/store';

/**
 * An error as the clerk sees it: the code's message, its hint, and "重试" only when the error is retriable and
 * the screen can retry. The code and the server's request id are shown small, the id copyable, for support calls.
 */
export function ErrorAlert(props: {
  error: AppError | null;
  onRetry?: () => void;
  /** A way out the screen offers for this error (e.g. 前往登录 when the enterprise is already registered). */
  extra?: ReactNode;
  title?: string;
  style?: CSSProperties;
}) {
  const locale = useLocale();
  const t = useT();
  if (!props.error) return null;
  const d = describeError(props.error, locale);
  return (
    <Alert
      type="error"
      showIcon
      style={props.style}
      title={props.title ?? d.message}
      description={
        <>
          {props.title && <div>{d.message}</div>}
          {d.hint && <div>{d.hint}</div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('error.code', { code: d.code })}
          </Typography.Text>
          {d.requestId && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 12 }} data-testid="error-request-id" copyable={{ text: d.requestId, tooltips: [t('error.requestIdCopy'), t('error.requestIdCopied')] }}>
              {t('error.requestId', { id: d.requestId })}
            </Typography.Text>
          )}
        </>
      }
      action={
        (d.retriable && props.onRetry) || props.extra ? (
          <Space orientation="vertical">
            {d.retriable && props.onRetry && (
              <Button size="small" onClick={props.onRetry}>
                {t('error.retry')}
              </Button>
            )}
            {props.extra}
          </Space>
        ) : undefined
      }
    />
  );
}
