import { EditOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useState } from 'react';
import type { SubsidyApplicationSummary } from '@shared/contract/client-api';
import { useT } from '../../i18n/store';
import { call } from '../../platform';
import { useRouter } from '../../state/router';
import { useSubsidyApplication } from '../../state/subsidy-application';
import { dateTime, unfinishedDraft } from './status';

/**
 * On Home, a way back to an unfinished subsidy application, after a restart too (issue 21 item 15): the draft is
 * on the server and in the local store, but nothing led back to it. Nothing shows for an account without the item.
 */
export function DraftBanner() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const [draft, setDraft] = useState<SubsidyApplicationSummary | null>(null);
  useEffect(() => {
    let live = true;
    void call((api) => api.subsidy.list({})).then((r) => {
      if (live && r.ok) setDraft(unfinishedDraft(r.value.applications));
    });
    return () => {
      live = false;
    };
  }, []);
  if (!draft) return null;
  const open = () => {
    useSubsidyApplication.setState({ applicationId: draft.id, app: null });
    go('subsidy-form');
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="draft-banner"
      title={t('forms.draft.banner', { time: dateTime(draft.updatedAt) })}
      action={
        <Button type="primary" icon={<EditOutlined aria-hidden />} onClick={open}>
          {t('forms.draft.continue')}
        </Button>
      }
    />
  );
}
