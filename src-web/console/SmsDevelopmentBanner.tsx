/**
 * The development SMS outbox, said on every console screen: texts are stored on the server and never reach a phone,
 * so nobody mistakes a development portal for one whose enterprises get their passwords (issue 17 item 4).
 */
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { healthRoute } from '@shared/contract/http/system';
import { call } from './api';
import { useT } from './i18n';

export function SmsDevelopmentBanner() {
  const t = useT();
  const [development, setDevelopment] = useState(false);
  useEffect(() => {
    let live = true;
    call(healthRoute)
      .then((h) => live && setDevelopment(h.sms === 'development-outbox'))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!development) return null;
  return <Alert type="warning" banner data-testid="sms-development-banner" message={t('staff.smsDevelopment')} />;
}
