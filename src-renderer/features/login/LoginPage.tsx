import { Alert, Button, Card, Col, Divider, Row, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { describeError } from '../../errors/describe';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { REGISTRATION_DRAFT_KEY } from '../../state/draft-keys';
import { portalBands } from '@shared/ui/palette';
import { PORTALS } from '@shared/portals/catalogue';
import { usePortal } from '../../state/portal';
import { PendingPortalLogin, ServerPortalAlert, useServerPortal } from '../portals/ServerPortalCheck';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { AccountLogin } from './AccountLogin';

// The CA-key tab is not the one shown first: its code (key list, PIN field) loads when it is opened.
const KeyLogin = lazy(() => import('./KeyLogin').then((m) => ({ default: m.KeyLogin })));
// The e-licence tab (issue 14) likewise: its QR code and polling start only when it is opened.
const ElicenceLogin = lazy(() => import('./ElicenceLogin').then((m) => ({ default: m.ElicenceLogin })));

/**
 * 法人用户登录, as on the portal: the login box with its ways in, and 成为新用户 below it — each from the chosen portal's
 * catalogue entry (login methods, flows, colours), so nothing of SIP's shows on another portal's page.
 */
export function LoginPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const [draftPending, setDraftPending] = useState(false);
  const expired = useSession((s) => s.expired !== null);
  const expiredCode = useSession((s) => s.expired?.code ?? 'SESSION_EXPIRED');
  const locale = useLocale();
  const portalId = usePortal((s) => s.current) ?? 'sip';
  const entry = PORTALS[portalId];
  const server = useServerPortal(portalId);
  const has = (method: (typeof entry.loginMethods)[number]) => entry.loginMethods.includes(method);
  const flows: readonly string[] = entry.flows;
  const band = portalBands[portalId] ?? portalBands.sip!;

  useEffect(() => {
    // After a crash or restart the clerk lands here: point them back to the registration they were filling in.
    let live = true;
    void call((api) => api.drafts.load({ key: REGISTRATION_DRAFT_KEY })).then((r) => {
      if (live && r.ok && r.value !== null) setDraftPending(true);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <Row gutter={24} justify="center" align="top" style={{ marginTop: 24 }}>
      <Col xs={0} md={9}>
        <div
          style={{
            minHeight: 460,
            borderRadius: 8,
            padding: 36,
            color: '#fff',
            background: `linear-gradient(160deg, ${band[0]} 0%, ${band[1]} 60%, ${band[2]} 100%)`,
          }}
        >
          <Typography.Title level={2} data-testid="welcome" style={{ color: '#fff', marginTop: 0 }}>
            {t('home.welcome')}
          </Typography.Title>
          <Typography.Paragraph data-testid="portal-name" style={{ color: '#fff', fontSize: 17, fontWeight: 600 }}>
            {entry.name[locale]}
          </Typography.Paragraph>
          {has('caKey') && (
            <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.88)', fontSize: 15, lineHeight: 1.9 }}>
              {t('home.intro')}
            </Typography.Paragraph>
          )}
          {has('password') && (
            <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.88)', fontSize: 15, lineHeight: 1.9 }}>
              {t('login.intro')}
            </Typography.Paragraph>
          )}
        </div>
      </Col>
      <Col xs={24} md={15} lg={13}>
        <ServerPortalAlert error={server.error} />
        {expired && <Alert type="warning" showIcon data-testid="session-expired" title={describeError({ code: expiredCode, retriable: false }, locale).message} style={{ marginBottom: 16 }} />}
        {draftPending && (
          <Alert
            type="info"
            showIcon
            title={t('login.draftPending')}
            action={
              <Button size="small" type="primary" onClick={() => go('registration')}>
                {t('login.draftContinue')}
              </Button>
            }
            style={{ marginBottom: 16 }}
          />
        )}
        {!has('password') && !has('caKey') && !has('elicence') ? (
          <>
            <PendingPortalLogin entry={entry} info={server.info} />
            {/* The Beijing SME platform's own sign-in (features/beijing, issue 16). */}
            {has('platformAccount') && (
              <div style={{ textAlign: 'center', marginTop: 16 }}>
                <Button type="primary" size="large" data-testid="beijing-login-link" onClick={() => go('beijing-login')}>
                  {t('bj.link')}
                </Button>
              </div>
            )}
          </>
        ) : (
          <Card>
            <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22, textAlign: 'center' }}>
              {t('login.title')}
            </Typography.Title>
            <Tabs
              centered
              size="large"
              items={[
                ...(has('password') ? [{ key: 'account', label: t('login.tab.account'), children: <AccountLogin /> }] : []),
                ...(has('caKey') ? [{
                  key: 'ca',
                  label: t('login.tab.ca'),
                  children: (
                    <Suspense
                      fallback={
                        <div style={{ padding: 32, textAlign: 'center' }}>
                          <Spin description={t('app.loading')} />
                        </div>
                      }
                    >
                      <KeyLogin />
                    </Suspense>
                  ),
                }] : []),
                ...(has('elicence') ? [{
                  key: 'elicence',
                  label: t('login.tab.elicence'),
                  children: (
                    <Suspense fallback={<Spin description={t('app.loading')} />}>
                      <ElicenceLogin />
                    </Suspense>
                  ),
                }] : []),
              ]}
            />
            {/* 忘记密码 (issue 13, recovery) */}
            {flows.includes('passwordRecovery') && (
              <div style={{ textAlign: 'right' }}>
                <Button type="link" onClick={() => go('forgot-password')}>
                  {t('recovery.link')}
                </Button>
              </div>
            )}
            <Divider style={{ margin: '20px 0 12px' }} />
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
              <span>
                <Typography.Text type="secondary">{t('login.newUser')}</Typography.Text>
                <Button type="link" onClick={() => go('registration-start')}>
                  {t('login.register')}
                </Button>
              </span>
              <Button type="link" onClick={() => go('self-check')}>
                {t('key.selfCheck')}
              </Button>
            </div>
            {/* Legacy hub accounts (manual 000): a third way in during the transition. */}
            {has('legacy') && (
              <div style={{ textAlign: 'center' }}>
                <Button type="link" data-testid="legacy-login-link" onClick={() => go('legacy-login')}>
                  {t('login.legacy.link')}
                </Button>
              </div>
            )}
          </Card>
        )}
      </Col>
    </Row>
  );
}
