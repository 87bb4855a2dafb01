import { ItemGuidePage } from '../../components/ServiceGuide';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { useSubsidyApplication } from '../../state/subsidy-application';

/**
 * 申请说明 (manual 001 §1 "企业进入系统，在线阅读申请说明，开始申请"): conditions, materials, policy and process from the
 * item's guide; "我已阅读并知晓" must be ticked before "开始申请" creates the draft.
 */
export default function SubsidyGuidePage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const start = useSubsidyApplication((s) => s.start);
  const startError = useSubsidyApplication((s) => s.error);
  return (
    <ItemGuidePage
      item="subsidy"
      title={t('subsidy.guide.title')}
      startLabel={t('subsidy.guide.start')}
      listLabel={t('subsidy.nav.list')}
      start={start}
      startError={startError}
      onStarted={() => go('subsidy-form')}
      onList={() => go('subsidy-list')}
      testId="subsidy-guide"
    />
  );
}
