import { Button, Card, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '@shared/contract/result';
import type { PortalEntry, PortalInfo } from '@shared/portals/catalogue';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';

/** What the configured server says it is (GET /api/portal): null while asking; an error when it is another portal's. */
export function useServerPortal(portal: string | null | undefined): { info: PortalInfo | null; error: AppError | null } {
  const [state, setState] = useState<{ info: PortalInfo | null; error: AppError | null }>({ info: null, error: null });
  useEffect(() => {
    let live = true;
    if (!portal) return;
    void call((api) => api.portals.server({})).then((r) => {
      if (live) setState(r.ok ? { info: r.value, error: null } : { info: null, error: r.error });
    });
    return () => {
      live = false;
    };
  }, [portal]);
  return state;
}

/** A server of another portal (or none): said above the login box, with the way to Settings. */
export function ServerPortalAlert({ error }: { error: AppError | null }) {
  const t = useT();
  const go = useRouter((s) => s.go);
  if (!error || (error.code !== 'PORTAL_MISMATCH' && error.code !== 'PORTAL_UNKNOWN_SERVER')) return null;
  return <ErrorAlert error={error} extra={<Button size="small" onClick={() => go('settings')}>{t('settings.title')}</Button>} style={{ marginBottom: 16 }} />;
}

/**
 * The login box of a portal whose sign-in this client does not offer yet (its catalogue methods have no tab here):
 * what the portal's sign-in will be, and which flows its server has switched on.
 */
export function PendingPortalLogin({ entry, info }: { entry: PortalEntry; info: PortalInfo | null }) {
  const t = useT();
  const locale = useLocale();
  const go = useRouter((s) => s.go);
  const methods = entry.loginMethods.map((m) => t(`portals.method.${m}`)).join(locale === 'zh-CN' ? '、' : ', ');
  return (
    <Card data-testid="portal-login-pending">
      <Typography.Title level={2} style={{ marginTop: 0, fontSize: 22, textAlign: 'center' }}>
        {t('portals.login.title', { portal: entry.name[locale] })}
      </Typography.Title>
      <Typography.Paragraph>{t('portals.login.pending', { methods })}</Typography.Paragraph>
      <Typography.Paragraph strong>{t('portals.login.offers')}</Typography.Paragraph>
      <List
        size="small"
        bordered
        data-testid="portal-flows"
        dataSource={info?.flows ?? []}
        locale={{ emptyText: t('portals.login.none') }}
        renderItem={(flow) => <List.Item>{t(`portals.flow.${flow}`)}</List.Item>}
      />
      <div style={{ textAlign: 'right', marginTop: 12 }}>
        <Button type="link" onClick={() => go('settings')}>
          {t('portals.login.switch')}
        </Button>
      </div>
    </Card>
  );
}
