/** The application tab: enterprise, contact, amounts, what a resubmission changed, and every talent. */
import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { contactFieldLabels } from '../domain-labels';
import { dateOnly, yuan } from '../format';
import { isUnder, pathLabel } from '../field-paths';
import { useLang, useT } from '../i18n';
import { pendingChanges, signedForm, type StaffApplication } from './model';
import { ReturnCommentsList } from './ReturnCommentsList';
import { TalentCard } from './TalentCard';

/** While these last, the reviewer weighs the resubmission against the last return's comments. */
const REVIEWING: readonly SubsidyStatus[] = ['returned', 'resubmitted', 'accepted'];

export function ApplicationInfo({ app }: { app: StaffApplication }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const form = signedForm(app);
  const changes = pendingChanges(app);
  const changed = changes?.fields ?? [];
  const rule = app.quota.rule;
  const mark = (path: string) => (changed.some((c) => isUnder(c, path)) ? { className: 'console-changed' } : {});

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {changes ? (
        <Alert
          type="warning"
          showIcon
          title={changes.fields.length + changes.attachments.length ? t('detail.changesTitle') : t('detail.changesNone')}
          description={
            <Space wrap>
              {[...changes.fields, ...changes.attachments].map((p) => (
                <Tag key={p} color="orange">
                  {pathLabel(p, lang)}
                </Tag>
              ))}
            </Space>
          }
        />
      ) : null}
      {app.returnComments && REVIEWING.includes(app.status) ? (
        <Card size="small" title={t('detail.returnComments')}>
          <ReturnCommentsList comments={app.returnComments} />
        </Card>
      ) : null}
      <Card size="small" title={t('detail.enterprise')}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('detail.enterpriseName')}>{app.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('detail.uscc')}>{app.enterprise.uscc}</Descriptions.Item>
          <Descriptions.Item label={t('detail.legalRepresentative')}>{app.enterprise.legalRepresentative}</Descriptions.Item>
          <Descriptions.Item label={t('detail.address')}>{app.enterprise.address}</Descriptions.Item>
        </Descriptions>
      </Card>
      {form ? (
        <Card size="small" title={t('detail.contact')}>
          <Descriptions size="small" column={3} bordered>
            {(Object.keys(contactFieldLabels) as (keyof typeof form.contact)[]).map((f) => (
              <Descriptions.Item key={f} label={pathLabel(`contact.${f}`, lang)} {...mark(`contact.${f}`)}>
                {form.contact[f]}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      ) : null}
      <Card size="small" title={t('detail.amounts')}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label={t('detail.amountRequested')} {...mark('amountRequestedFen')}>
            {yuan(app.amountRequestedFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.amountApproved')}>{yuan(app.amountApprovedFen)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.quotaUsed')}>{yuan(app.quota.usedThisYearFen)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.rule')}>
            {t('detail.ruleText', { rate: rule.rateBasisPoints / 100, talentCap: yuan(rule.perTalentCapFen), yearCap: yuan(rule.perEnterpriseYearCapFen) })}
          </Descriptions.Item>
          {app.publicity ? (
            <Descriptions.Item label={t('detail.publicity')}>
              {dateOnly(app.publicity.startDate)} — {dateOnly(app.publicity.endDate)}
            </Descriptions.Item>
          ) : null}
          {app.rejectReason ? <Descriptions.Item label={t('detail.rejectReason')}>{app.rejectReason}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {form ? (
        <>
          <Typography.Title level={4}>{t('detail.talents', { count: form.talents.length })}</Typography.Title>
          {form.talents.map((talent, i) => (
            <TalentCard key={i} index={i} talent={talent} changed={changed} />
          ))}
        </>
      ) : (
        <Alert type="info" title={t('detail.unreadable')} description={<pre style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(app.form, null, 2)}</pre>} />
      )}
    </Space>
  );
}
