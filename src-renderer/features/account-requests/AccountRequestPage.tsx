import { Button, Card, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { useSession } from '../../state/session';
import { useAccountRequest } from '../../state/account-request';
import { RequestForm } from './RequestForm';
import { RequestStatus } from './RequestStatus';

/**
 * A request to the portal staff (route `account-request`): its form while typed or corrected, else its status.
 * Without login, opening it with nothing started shows the request main keeps (filed earlier on this PC).
 */
export default function AccountRequestPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const back = useRouter((s) => s.back);
  const session = useSession((s) => s.session);
  const draft = useAccountRequest((s) => s.draft);
  const request = useAccountRequest((s) => s.request);
  const loaded = useAccountRequest((s) => s.loaded);
  const [looked, setLooked] = useState(false);
  // Without login one request at a time is followed: the one filed earlier on this PC shows first (also after a restart).
  useEffect(() => {
    if (!request && !session && !looked) void useAccountRequest.getState().openKept().then(() => setLooked(true));
  }, [request, session, looked]);

  const kind = draft?.form.kind ?? request?.kind;
  const toLogin = (
    <Button
      key="login"
      type="primary"
      onClick={() => {
        void call((api) => api.accountRequests.forget());
        go('login');
      }}
    >
      {t('acctreq.status.toLogin')}
    </Button>
  );
  return (
    <Card style={{ maxWidth: 880, margin: '0 auto' }}>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        {kind ? t(`acctreq.title.${kind}`) : t('acctreq.list.title')}
      </Typography.Title>
      {draft && !loaded ? <Spin description={t('app.loading')} /> : null}
      {draft && loaded ? <RequestForm key={draft.requestId ?? draft.form.kind} draft={draft} enterpriseFixed={session !== null} /> : null}
      {!draft && request ? <RequestStatus request={request} after={session ? undefined : toLogin} /> : null}
      <Button type="link" onClick={() => (session ? go('account-requests') : back('login'))} style={{ marginTop: 16, paddingLeft: 0 }}>
        {t('acctreq.back')}
      </Button>
    </Card>
  );
}
