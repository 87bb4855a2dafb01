import { ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Space, Spin } from 'antd';
import type { InputProps } from 'antd';
import { useT } from '../../i18n/store';

export interface Captcha {
  captchaId: string;
  image: string;
}

interface Props extends Omit<InputProps, 'size'> {
  captcha: Captcha | null;
  loading: boolean;
  onRefresh(): void;
}

/**
 * The captcha answer with its image and 换一张, as ONE form control: the Form.Item that holds it gives the input its
 * id, `aria-invalid` and `aria-describedby` pointing at the item's own error text, so a screen reader reads
 * 请输入验证码 (with the answer in a nested `noStyle` item, the description pointed at an id nobody rendered).
 * People who cannot read the image log in with the CA key, which asks for no captcha (README, accessibility).
 */
export function CaptchaInput({ captcha, loading, onRefresh, ...input }: Props) {
  const t = useT();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input {...input} autoComplete="off" maxLength={16} style={{ flex: 1 }} />
      <span
        style={{
          display: 'inline-flex',
          alignItems: 'center',
          justifyContent: 'center',
          minWidth: 128,
          padding: '0 4px',
          height: 32,
          border: '1px solid #d9d9d9',
          borderLeft: 0,
          background: '#fafafa',
        }}
      >
        {captcha ? (
          <img
            src={captcha.image}
            alt={t('login.captcha.image')}
            data-testid="captcha-image"
            data-captcha-id={captcha.captchaId}
            style={{ height: 30, width: 'auto', cursor: 'pointer' }}
            onClick={onRefresh}
          />
        ) : (
          loading && (
            // A status region names the spinner for screen readers (a label on antd's plain div is not read).
            <span role="status" aria-label={t('login.captcha.loading')}>
              <Spin size="small" />
            </span>
          )
        )}
      </span>
      <Button icon={<ReloadOutlined aria-hidden />} title={t('login.captcha.refreshLabel')} onClick={onRefresh} disabled={false}>
        {t('login.captcha.refresh')}
      </Button>
    </Space.Compact>
  );
}
