import type { SubsidyApplicationSummary, TongbanClientApi } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { formatFen } from '@shared/subsidy/amount';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { useSubsidyApplication } from '../../state/subsidy-application';
import { ApplicationList } from './ApplicationList';

const listRows = async (api: TongbanClientApi): Promise<Result<SubsidyApplicationSummary[]>> => {
  const r = await api.subsidy.list({});
  return r.ok ? { ok: true, value: r.value.applications } : r;
};

const money = (fen: number | null) => (fen === null ? '—' : `¥${formatFen(fen)}`);

/** 我的申请: the enterprise's subsidy applications, newest first, with their state; opens the detail view. */
export default function ApplicationsPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  return (
    <ApplicationList
      title={t('subsidy.list.title')}
      newLabel={t('subsidy.list.new')}
      emptyText={t('subsidy.list.empty')}
      listRows={listRows}
      onNew={() => go('subsidy-guide')}
      onView={(id) => {
        useSubsidyApplication.setState({ applicationId: id, app: null });
        go('subsidy-detail');
      }}
      afterStatus={[
        { title: t('subsidy.list.talents'), dataIndex: 'talentCount', key: 'talents' },
        { title: t('subsidy.list.requested'), key: 'requested', render: (_, r) => money(r.amountRequestedFen) },
        { title: t('subsidy.list.approved'), key: 'approved', render: (_, r) => money(r.amountApprovedFen) },
      ]}
    />
  );
}
