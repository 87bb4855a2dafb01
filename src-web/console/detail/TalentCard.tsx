/** One recruited talent with every field of the form; fields a resubmission changed are marked. */
import { Card, Descriptions, Tag } from 'antd';
import type { SubsidyTalent } from '@shared/contract/http/subsidy';
import { choiceLabel, talentFieldLabel, talentFieldLabels } from '../domain-labels';
import { isUnder } from '../field-paths';
import { yuan } from '../format';
import { useLang, useT } from '../i18n';

type Field = Exclude<keyof SubsidyTalent, 'attachments'>;

export function TalentCard({ index, talent, changed }: { index: number; talent: SubsidyTalent; changed: readonly string[] }) {
  const t = useT();
  const lang = useLang((s) => s.lang);

  const value = (field: Field): React.ReactNode => {
    switch (field) {
      case 'idType':
      case 'education':
      case 'degree':
      case 'category':
      case 'recruitmentChannel':
        return choiceLabel(field, talent[field], lang);
      case 'annualSalaryFen':
      case 'feePaidFen':
        return yuan(talent[field]);
      case 'headhunter':
        return talent.headhunter ? `${talent.headhunter.name}（${talent.headhunter.uscc}）` : t('detail.none');
      case 'priorSubsidy':
        return [talent.priorSubsidy.received ? t('detail.yes') : t('detail.no'), talent.priorSubsidy.note ? t('detail.priorNote', { note: talent.priorSubsidy.note }) : '']
          .filter(Boolean)
          .join('；');
      default:
        return talent[field] === '' || talent[field] === null ? '—' : String(talent[field]);
    }
  };

  const title = t('detail.talent', { n: index + 1, name: talent.name });
  return (
    <Card size="small" title={title} aria-label={title} role="region">
      <Descriptions size="small" column={3} bordered>
        {(Object.keys(talentFieldLabels) as Field[]).map((field) => {
          const isChanged = changed.some((c) => isUnder(c, `talents[${index}].${field}`));
          return (
            <Descriptions.Item
              key={field}
              label={
                <>
                  {talentFieldLabel(field, lang)}
                  {isChanged ? (
                    <Tag color="orange" style={{ marginInlineStart: 6 }}>
                      {t('detail.changed')}
                    </Tag>
                  ) : null}
                </>
              }
              className={isChanged ? 'console-changed' : undefined}
            >
              {value(field)}
            </Descriptions.Item>
          );
        })}
      </Descriptions>
    </Card>
  );
}
