import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Steps, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n/store';

/**
 * The frame of a registration-like wizard (CA registration, pre-registration): title with 重新开始 and 返回登录, the
 * steps, "your draft was restored", and the current step under its heading. Each step announces itself: focus moves
 * to its heading when the step changes (not on opening), so keyboard and screen-reader users start at its top.
 */
export function WizardFrame(props: {
  title: string;
  loaded: boolean;
  steps: readonly { key: string; title: string }[];
  current: number;
  finished?: boolean;
  /** Offered when there is something to throw away; asks first. */
  startOver: { label: string; confirm: string; run(): void } | null;
  onLeave(): void;
  restored: { text: string; onDismiss?: () => void } | null;
  /** The current step's id (focus moves to its heading when it changes) and heading text. */
  step: string;
  stepTitle: string;
  children: ReactNode;
}) {
  const t = useT();
  const { modal } = App.useApp();
  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(props.step);
  useEffect(() => {
    if (shownStep.current !== props.step) heading.current?.focus();
    shownStep.current = props.step;
  }, [props.step]);
  const { startOver } = props;
  const confirmStartOver = () =>
    startOver && modal.confirm({ title: startOver.confirm, okText: startOver.label, cancelText: t('ca.cancel'), onOk: () => startOver.run() });

  return (
    <Card>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {props.title}
        </Typography.Title>
        <Space wrap>
          {startOver && <Button onClick={confirmStartOver}>{startOver.label}</Button>}
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={props.onLeave}>
            {t('nav.toLogin')}
          </Button>
        </Space>
      </Space>
      {!props.loaded ? (
        <div style={{ padding: 60, textAlign: 'center' }}>
          <Spin description={t('app.loading')} />
        </div>
      ) : (
        <>
          <nav aria-label={props.title}>
            <Steps current={props.current} status={props.finished ? 'finish' : 'process'} size="small" items={props.steps.map((s) => ({ ...s }))} style={{ marginBottom: 24 }} />
          </nav>
          {props.restored && (
            <Alert
              type="info"
              showIcon
              role="status"
              title={props.restored.text}
              {...(props.restored.onDismiss ? { closable: { onClose: props.restored.onDismiss } } : {})}
              style={{ marginBottom: 16 }}
            />
          )}
          <section aria-labelledby="wizard-step-title">
            <Typography.Title ref={heading} tabIndex={-1} id="wizard-step-title" level={3} style={{ fontSize: 18, marginTop: 0, outline: 'none' }}>
              {props.stepTitle}
            </Typography.Title>
            {props.children}
          </section>
        </>
      )}
    </Card>
  );
}
