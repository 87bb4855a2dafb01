/**
 * 注册方式: every way in as a card with the manual's advice (002: the six ways; §六 线下注册指南; the Q&A on Jiangsu CA
 * and Suzhou CA), and a short guide of which way is whose. The CA cards open the registration wizard with that
 * CA chosen; pre-registration is its own flow; the e-licence is not here yet; the counter needs a visit.
 */
import { Alert, Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { MessageKey } from '@shared/i18n/messages';
import { useT } from '../../i18n/store';
import { useAccountRequest } from '../../state/account-request';
import { useRegistration } from '../../state/registration-draft';
import { useRouter, type Route } from '../../state/router';

function Way(props: { id: string; title: MessageKey; desc: MessageKey; tags?: ReactNode; action?: ReactNode; children?: ReactNode }) {
  const t = useT();
  return (
    <Card
      data-testid={`way-${props.id}`}
      title={
        <Space wrap>
          {t(props.title)}
          {props.tags}
        </Space>
      }
      style={{ height: '100%' }}
      actions={props.action ? [props.action] : undefined}
    >
      <Typography.Paragraph style={{ marginBottom: props.children ? 8 : 0 }}>{t(props.desc)}</Typography.Paragraph>
      {props.children}
    </Card>
  );
}

export default function RegistrationStartPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const update = useRegistration((s) => s.update);
  const withCa = (caProfile: 'jiangsu-ca' | 'suzhou-ca') => () => {
    update({ caProfile });
    go('registration');
  };
  const link = (label: MessageKey, onClick: () => void) => (
    <Button type="link" onClick={onClick}>
      {t(label)}
    </Button>
  );
  const notForeign = <Tag color="warning">{t('start.notForeign')}</Tag>;
  const preRegistration: Route = 'pre-registration';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ fontSize: 22 }}>
          {t('start.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('start.intro')}</Typography.Paragraph>
      </div>
      <Alert
        type="info"
        showIcon
        title={t('start.guide.title')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            <li>{t('start.guide.key')}</li>
            <li>{t('start.guide.mainland')}</li>
            <li>{t('start.guide.foreign')}</li>
            <li>
              {/* Already registered: the recovery path when nobody knows the accounts (issue 13), without login. */}
              <Button
                type="link"
                style={{ padding: 0, height: 'auto' }}
                data-testid="start-accounts-unknown"
                onClick={() => {
                  useAccountRequest.getState().start('accountsUnknown');
                  go('account-request');
                }}
              >
                {t('reg.start.accountsUnknown')}
              </Button>
            </li>
          </ul>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Way id="jiangsu-ca" title="start.jiangsu.title" desc="start.jiangsu.desc" tags={<Tag color="blue">{t('start.recommended')}</Tag>} action={link('start.jiangsu.go', withCa('jiangsu-ca'))} />
        </Col>
        <Col xs={24} md={12}>
          <Way id="suzhou-ca" title="start.suzhou.title" desc="start.suzhou.desc" action={link('start.suzhou.go', withCa('suzhou-ca'))} />
        </Col>
        <Col xs={24} md={12}>
          <Way id="pre-registration" title="start.prereg.title" desc="start.prereg.desc" tags={notForeign} action={link('start.prereg.go', () => go(preRegistration))} />
        </Col>
        <Col xs={24} md={12}>
          <Way id="e-licence" title="start.elicence.title" desc="start.elicence.desc" tags={<><Tag>{t('start.coming')}</Tag>{notForeign}</>} />
        </Col>
        <Col xs={24}>
          <Way id="counter" title="start.counter.title" desc="start.counter.desc">
            <Typography.Paragraph strong style={{ marginBottom: 4 }}>
              {t('start.counter.address')}
            </Typography.Paragraph>
            <Typography.Paragraph strong>{t('start.counter.hours')}</Typography.Paragraph>
            <Typography.Text>{t('start.counter.bring')}</Typography.Text>
            <ul style={{ marginTop: 4 }}>
              <li>{t('start.counter.agreement')}</li>
              <li>{t('start.counter.inPerson')}</li>
              <li>{t('start.counter.agent')}</li>
            </ul>
          </Way>
        </Col>
      </Row>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">{t('start.contact')}</Typography.Text>
        <Button onClick={() => go('login')}>{t('start.back')}</Button>
      </Space>
    </Space>
  );
}
