import { ItemGuidePage } from '../../components/ServiceGuide';
import { useT } from '../../i18n/store';
import { useFiling } from '../../state/filing';
import { useRouter } from '../../state/router';

/**
 * 办事指南 of 小型建设工程开工备案 (manual 002 外网申报流程): conditions, materials and time limit from the item's
 * guide on the server; "我已阅读并知晓" before "开始申报" creates the draft.
 */
export default function FilingGuidePage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const start = useFiling((s) => s.start);
  const startError = useFiling((s) => s.error);
  return (
    <ItemGuidePage
      item="constructionFiling"
      title={t('filing.guide.title')}
      startLabel={t('filing.guide.start')}
      listLabel={t('filing.nav.list')}
      start={start}
      startError={startError}
      onStarted={() => go('filing-form')}
      onList={() => go('filing-list')}
      testId="filing-guide"
    />
  );
}
