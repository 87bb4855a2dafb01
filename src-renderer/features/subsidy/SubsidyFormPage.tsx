import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { chinaTime } from '@shared/time/china';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, Result, Row, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { AttachmentRef } from '@shared/contract/client-api';
import { isRequirementAsked, isRequirementNeeded, subsidyApplicationRequirements, type SubsidyApplicationView } from '@shared/contract/http/subsidy';
import { byPath, firstPerPath } from '@shared/forms';
import { formatFen } from '@shared/subsidy/amount';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProblemSummary } from '../../components/ProblemSummary';
import { focusFirstProblem } from '../../components/problems';
import { useT } from '../../i18n/store';
import { useRouter } from '../../state/router';
import { EDITABLE, startSubsidyAutosave, useSubsidyApplication } from '../../state/subsidy-application';
import { amountOf, APP_REQUIREMENTS, checkSubsidyForm, emptyTalent, isHeadhunting, serverDraft, stillRefused, uploadCount, type TalentForm } from '../../state/subsidy-form';
import { call } from '../../platform';
import { MaterialSlot } from '../../components/MaterialSlot';
import { MAX_FILES_PER_MATERIAL } from '@shared/contract/signing';
import { FieldItem } from './FieldItem';
import { OpenUploaded } from './OpenUploaded';
import { pdfFile, Printout } from './Printout';
import { SignSubmit } from './SignSubmit';
import { TalentCard } from './TalentCard';

/**
 * 补贴申请 (manual 001 §1): 企业基本信息 (from the enterprise record, read-only: the signed payload must carry it as
 * recorded), 联系信息, 引进人才信息 (any number), 附件信息, the amount computed live with the shared rule, then the
 * signature. A returned application opens here too, with the reviewer's comments beside what they concern.
 */
export default function SubsidyFormPage() {
  const t = useT();
  const { message } = App.useApp();
  const go = useRouter((s) => s.go);
  const { applicationId, app, form, loading, error, restored, savedAt, open, edit, submitted, refusal } = useSubsidyApplication();
  const [tried, setTried] = useState(false);
  // A refused submit (the contract's checks here, or the server's) takes the clerk to the first field to fix.
  const [blockedCount, setBlockedCount] = useState(0);
  useEffect(() => {
    if (blockedCount > 0 || refusal) focusFirstProblem();
  }, [blockedCount, refusal]);
  const blocked = () => {
    setTried(true);
    setBlockedCount((n) => n + 1);
  };

  useEffect(() => {
    if (applicationId && !app) void open(applicationId);
  }, [applicationId, app, open]);
  useEffect(() => startSubsidyAutosave(), []);

  // The server's refusals first (beside their fields until changed), then what the contract says of the form now.
  const refusedIssues = useMemo(() => (refusal ? stillRefused(refusal.issues, refusal.form, form) : []), [refusal, form]);
  const ownIssues = useMemo(() => checkSubsidyForm(form).issues, [form]);
  const problems = useMemo(() => byPath(firstPerPath(refusedIssues, ownIssues)), [refusedIssues, ownIssues]);
  const showRequired = tried || refusedIssues.length > 0;
  const comments = useMemo(() => {
    const out: Record<string, string> = {};
    if (app?.status === 'returned' && app.returnComments) for (const c of [...app.returnComments.fields, ...app.returnComments.attachments]) out[c.path] = c.comment;
    return out;
  }, [app]);
  const amount = useMemo(() => (app ? amountOf(form, app.quota.rule, app.quota.usedThisYearFen) : null), [app, form]);

  if (!applicationId) {
    return (
      <Card>
        <Result status="info" title={t('subsidy.list.empty')} extra={<Button onClick={() => go('subsidy-guide')}>{t('subsidy.list.new')}</Button>} />
      </Card>
    );
  }
  if (loading || !app) {
    return (
      <Card>
        {error ? <ErrorAlert error={error} onRetry={() => void open(applicationId)} /> : <Spin description={t('app.loading')} />}
      </Card>
    );
  }

  const editable = EDITABLE.has(app.status);
  const ready = ownIssues.length === 0;
  const setTalent = (i: number, patch: Partial<TalentForm>) => edit((f) => ({ ...f, talents: f.talents.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const setTalentFiles = (i: number, requirement: string, files: AttachmentRef[]) =>
    edit((f) => ({ ...f, talents: f.talents.map((x, j) => (j === i ? { ...x, attachments: { ...x.attachments, [requirement]: files } } : x)) }));
  const contactField = (field: 'name' | 'mobile' | 'email', label: string, maxLength: number, inputMode?: 'tel' | 'email') => (
    <Col xs={24} md={8}>
      <FieldItem id={`contact-${field}`} label={label} problem={problems[`contact.${field}`]} showRequired={showRequired || form.contact[field] !== ''} comment={comments[`contact.${field}`]}>
        <Input
          id={`contact-${field}`}
          value={form.contact[field]}
          maxLength={maxLength}
          inputMode={inputMode}
          disabled={!editable}
          onChange={(e) => edit((f) => ({ ...f, contact: { ...f.contact, [field]: e.target.value } }))}
        />
      </FieldItem>
    </Col>
  );
  const anyHeadhunting = form.talents.some(isHeadhunting);
  const uploaded = uploadCount(form);
  const done = async (next: SubsidyApplicationView) => {
    await submitted(next);
    void message.success(next.status === 'resubmitted' ? t('subsidy.sign.resubmitted', { version: next.version }) : t('subsidy.sign.submitted'));
    go('subsidy-detail');
  };
  const rule = app.quota.rule;

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('subsidy-list')} style={{ paddingLeft: 0 }}>
        {t('subsidy.nav.list')}
      </Button>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {app.status === 'returned' ? t('subsidy.form.titleReturned') : t('subsidy.form.title')}
      </Typography.Title>
      {restored && <Alert type="info" showIcon title={t('subsidy.form.restored')} style={{ marginBottom: 16 }} />}
      {!editable && <Alert type="warning" showIcon title={t('subsidy.form.notEditable', { status: t(`subsidy.status.${app.status}`) })} style={{ marginBottom: 16 }} />}
      {app.status === 'returned' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={t('subsidy.form.returned')}
          description={
            <>
              {app.returnComments?.comment && <div>{t('subsidy.form.reviewerComment', { comment: app.returnComments.comment })}</div>}
              <div>{t('subsidy.form.returnedHint')}</div>
            </>
          }
        />
      )}
      <Form layout="vertical" requiredMark component="div">
        <section aria-labelledby="subsidy-enterprise">
          <Typography.Title level={3} id="subsidy-enterprise" style={{ fontSize: 16 }}>
            {t('subsidy.form.enterprise')}
          </Typography.Title>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'name', label: t('subsidy.form.enterpriseName'), children: app.enterprise.name },
              { key: 'uscc', label: t('subsidy.form.uscc'), children: app.enterprise.uscc },
              { key: 'legal', label: t('subsidy.form.legalRepresentative'), children: app.enterprise.legalRepresentative },
              { key: 'address', label: t('subsidy.form.address'), children: app.enterprise.address },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('subsidy.form.enterpriseNote')}
          </Typography.Paragraph>
        </section>

        <section aria-labelledby="subsidy-contact">
          <Typography.Title level={3} id="subsidy-contact" style={{ fontSize: 16 }}>
            {t('subsidy.form.contact')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('subsidy.form.contactNote')}</Typography.Paragraph>
          <Row gutter={16}>
            {contactField('name', t('subsidy.form.contactName'), 50)}
            {contactField('mobile', t('subsidy.form.contactMobile'), 20, 'tel')}
            {contactField('email', t('subsidy.form.contactEmail'), 254, 'email')}
          </Row>
        </section>

        <section aria-labelledby="subsidy-talents">
          <Typography.Title level={3} id="subsidy-talents" style={{ fontSize: 16 }}>
            {t('subsidy.form.talents')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('subsidy.form.talentsNote')}</Typography.Paragraph>
          {form.talents.map((talent, i) => (
            <TalentCard
              key={talent.key}
              index={i}
              talent={talent}
              problems={problems}
              comments={comments}
              showRequired={showRequired}
              amountFen={amount?.perTalentFen[i] ?? 0}
              canRemove={form.talents.length > 1}
              disabled={!editable}
              onChange={(patch) => setTalent(i, patch)}
              onFiles={(r, files) => setTalentFiles(i, r, files)}
              onRemove={() => edit((f) => ({ ...f, talents: f.talents.filter((_, j) => j !== i) }))}
            />
          ))}
          {editable && form.talents.length < 50 && (
            <Button icon={<PlusOutlined aria-hidden />} onClick={() => edit((f) => ({ ...f, talents: [...f.talents, emptyTalent()] }))}>
              {t('subsidy.form.addTalent')}
            </Button>
          )}
        </section>

        <section aria-labelledby="subsidy-attachments" style={{ marginTop: 24 }}>
          <Typography.Title level={3} id="subsidy-attachments" style={{ fontSize: 16 }}>
            {t('subsidy.form.attachments')}{' '}
            <Tag color={uploaded.done === uploaded.total ? 'success' : 'processing'} data-testid="upload-count">
              {t('forms.upload.count', uploaded)}
            </Tag>
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('subsidy.form.attachmentsNote')} {t('material.hint', { max: MAX_FILES_PER_MATERIAL })}
          </Typography.Paragraph>
          <ul style={{ padding: 0, margin: 0, border: '1px solid #f0f0f0', borderRadius: 4 }}>
            {APP_REQUIREMENTS.filter((r) => isRequirementAsked(subsidyApplicationRequirements[r].required, anyHeadhunting)).map((r) => (
              <MaterialSlot
                key={r}
                purpose="subsidy"
                requirement={r}
                name={t(`subsidy.req.${r}`)}
                files={form.attachments[r] ?? []}
                required={isRequirementNeeded(subsidyApplicationRequirements[r].required, anyHeadhunting)}
                flagMissing={showRequired}
                comment={comments[`attachments.${r}`]}
                testId={`upload-${r}`}
                inputTestId={`upload-${r}-input`}
                disabled={!editable}
                onChange={(files) => edit((f) => ({ ...f, attachments: { ...f.attachments, [r]: files } }))}
                fileActions={(file, i) => <OpenUploaded file={file} name={t(`subsidy.req.${r}`)} testId={i === 0 ? `upload-${r}-open` : `upload-${r}-open-${i}`} />}
                {...(r === 'applicationForm' && editable
                  ? {
                      // The form to stamp is made from what is typed above (issue 21 item 6).
                      actions: (
                        <Printout
                          label={t('forms.print.applicationForm')}
                          testId="print-application-form"
                          generate={async () => pdfFile(await call((api) => api.subsidy.printForm({ applicationId: app.id, form: serverDraft(form) })))}
                        />
                      ),
                      children: <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>{t('forms.print.applicationFormHint')}</Typography.Paragraph>,
                    }
                  : {})}
              />
            ))}
          </ul>
        </section>
      </Form>

      {amount && (
        <section aria-labelledby="subsidy-amount" style={{ marginTop: 24 }}>
          <Typography.Title level={3} id="subsidy-amount" style={{ fontSize: 16 }}>
            {t('subsidy.form.amount')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {t('subsidy.form.amountRule', {
              rate: rule.rateBasisPoints / 100,
              perTalent: formatFen(rule.perTalentCapFen),
              perYear: formatFen(rule.perEnterpriseYearCapFen),
              used: formatFen(app.quota.usedThisYearFen),
            })}
          </Typography.Paragraph>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              ...form.talents.map((x, i) => ({
                key: x.key,
                label: x.name.trim() ? t('subsidy.talent.titleNamed', { index: i + 1, name: x.name.trim() }) : t('subsidy.talent.title', { index: i + 1 }),
                children: `¥${formatFen(amount.perTalentFen[i] ?? 0)}`,
              })),
              {
                key: 'total',
                label: t('subsidy.form.amountTotal'),
                children: (
                  <span>
                    <Typography.Text strong style={{ fontSize: 18 }} data-testid="subsidy-total">
                      ¥{formatFen(amount.totalFen)}
                    </Typography.Text>
                    {amount.totalFen < amount.uncappedFen && (
                      <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                        {t('subsidy.form.amountCapped', { uncapped: formatFen(amount.uncappedFen) })}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
            ]}
          />
        </section>
      )}

      {editable && (
        <div style={{ marginTop: 24 }}>
          {showRequired && <ProblemSummary revision={problems} title={(count) => t('subsidy.form.problems', { count })} />}
          <SignSubmit app={app} ready={ready} onBlocked={blocked} onDone={(next) => void done(next)} />
          {savedAt && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12 }} aria-live="polite">
              {t('subsidy.form.saved', { time: chinaTime(savedAt, { seconds: true }) })}
            </Typography.Paragraph>
          )}
        </div>
      )}
    </Card>
  );
}
