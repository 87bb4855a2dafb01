import { Alert, Form, Input } from 'antd';
import type { TokenCertificate } from '@shared/contract/token';
import { useT } from '../i18n/store';
import { pinProblem } from './eligibility';
import { PinWarnings } from './PinWarnings';

/**
 * The PIN for one key, as every screen that signs asks for it: the key's PIN warnings, then either "enter it on
 * the key's PIN pad" or a masked field checked against the key's own length limits (a PIN the key cannot take
 * is refused here, before it costs a try).
 */
export function PinField(props: {
  certificate: TokenCertificate;
  id: string;
  value: string;
  onChange(pin: string): void;
  /** Show the length/required message only after the clerk has tried to go on. */
  touched: boolean;
  disabled?: boolean;
}) {
  const t = useT();
  const { certificate: cert } = props;
  const problem = pinProblem(cert, props.value);
  return (
    <>
      <PinWarnings certificate={cert} />
      {cert.pin.pinPad ? (
        <Alert type="info" showIcon title={t('ca.pin.pad')} style={{ marginBottom: 16 }} />
      ) : (
        <Form.Item
          label={t('ca.pin.label')}
          htmlFor={props.id}
          validateStatus={props.touched && problem ? 'error' : undefined}
          help={
            props.touched && problem
              ? problem === 'required'
                ? t('ca.pin.required')
                : t('ca.pin.length', { min: cert.pin.minLength, max: cert.pin.maxLength })
              : undefined
          }
        >
          <Input.Password
            id={props.id}
            value={props.value}
            onChange={(e) => props.onChange(e.target.value)}
            autoComplete="off"
            maxLength={64}
            disabled={props.disabled}
          />
        </Form.Item>
      )}
    </>
  );
}
