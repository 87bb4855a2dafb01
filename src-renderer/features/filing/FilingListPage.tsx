import type { ClientResults, TongbanClientApi } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { useT } from '../../i18n/store';
import { useFiling } from '../../state/filing';
import { useRouter } from '../../state/router';
import { ApplicationList } from '../subsidy/ApplicationList';

type Row = ClientResults['filing']['list']['filings'][number];

const listRows = async (api: TongbanClientApi): Promise<Result<Row[]>> => {
  const r = await api.filing.list({});
  return r.ok ? { ok: true, value: r.value.filings } : r;
};

/** 我的备案: the enterprise's construction filings, newest first, with their state; opens one. */
export default function FilingListPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  return (
    <ApplicationList
      title={t('filing.list.title')}
      newLabel={t('filing.list.new')}
      emptyText={t('filing.list.empty')}
      listRows={listRows}
      onNew={() => go('filing-guide')}
      onView={(id) => {
        useFiling.setState({ filingId: id, view: null });
        go('filing-detail');
      }}
      beforeStatus={[{ title: t('filing.list.project'), key: 'project', render: (_, r) => r.projectName || '—' }]}
    />
  );
}
