/** The review actions the state machine allows now (from the server), each behind a confirming dialog. */
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { StaffApplication } from '../detail/model';
import { useT } from '../i18n';
import { ActionDialog } from './ActionDialog';
import { isReviewAction, type ReviewAction } from './review-actions';

const DANGER: readonly ReviewAction[] = ['return', 'reject'];

export function ActionBar({ app, onChanged, onStale }: { app: StaffApplication; onChanged(app: StaffApplication): void; onStale(): void }) {
  const t = useT();
  const [open, setOpen] = useState<ReviewAction | null>(null);
  const actions = app.allowedActions.filter(isReviewAction);

  return (
    <Card size="small" title={t('action.bar')} role="region" aria-label={t('action.bar')}>
      {actions.length === 0 ? (
        <Typography.Text type="secondary">{t('action.none')}</Typography.Text>
      ) : (
        <Space wrap>
          {actions.map((a) => (
            <Button key={a} type={DANGER.includes(a) ? 'default' : 'primary'} danger={a === 'reject'} onClick={() => setOpen(a)}>
              {t(`action.${a}`)}
            </Button>
          ))}
        </Space>
      )}
      {open ? (
        <ActionDialog
          action={open}
          app={app}
          onClose={() => setOpen(null)}
          onStale={onStale}
          onDone={(next) => {
            setOpen(null);
            onChanged(next);
          }}
        />
      ) : null}
    </Card>
  );
}
