import { CheckCircleFilled, ExclamationCircleFilled, LoadingOutlined, UsbOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useT } from '../i18n/store';
import { useRouter } from '../state/router';
import { useTokens } from '../state/tokens';

/**
 * The live key status, always in the header: how many keys are in, or that none is (with the way to the
 * self-check), or that a key was just pulled out. A polite live region, so screen readers hear changes.
 */
export function KeyStatus() {
  const t = useT();
  const { status, certificates, removed } = useTokens();
  const go = useRouter((s) => s.go);
  const count = certificates.length;

  let icon = <LoadingOutlined />;
  let text = t('key.status.unknown');
  let color = 'rgba(255,255,255,0.85)';
  if (status === 'unavailable') {
    icon = <ExclamationCircleFilled />;
    text = t('key.status.unavailable');
    color = '#ffd666';
  } else if (status === 'ready' && count > 0) {
    icon = <CheckCircleFilled />;
    text = t('key.status.inserted', { count });
    color = '#95de64';
  } else if (status === 'ready' && removed) {
    icon = <ExclamationCircleFilled />;
    text = t('key.status.removed');
    color = '#ffd666';
  } else if (status === 'ready') {
    icon = <UsbOutlined />;
    text = t('key.status.none');
    color = 'rgba(255,255,255,0.85)';
  }
  const showSelfCheck = status !== 'loading' && count === 0;

  return (
    <Space size={4}>
      <span role="status" aria-live="polite" data-testid="key-status" style={{ color, whiteSpace: 'nowrap' }}>
        <span aria-hidden style={{ marginRight: 6 }}>
          {icon}
        </span>
        {text}
      </span>
      {showSelfCheck && (
        <Button type="link" size="small" style={{ color: '#fff', textDecoration: 'underline' }} onClick={() => go('self-check')}>
          {t('key.selfCheck')}
        </Button>
      )}
    </Space>
  );
}
