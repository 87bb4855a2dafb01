import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Form, Input, Result, Row, Select, Spin, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { filingRequirements } from '@shared/contract/http/filing';
import { MAX_FILES_PER_MATERIAL } from '@shared/contract/signing';
import { byPath, firstPerPath } from '@shared/forms';
import { chinaTime } from '@shared/time/china';
import { MaterialSlot } from '../../components/MaterialSlot';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProblemSummary } from '../../components/ProblemSummary';
import { focusFirstProblem, problemMark } from '../../components/problems';
import { useT } from '../../i18n/store';
import { FILING_EDITABLE, startFilingAutosave, useFiling } from '../../state/filing';
import { checkFilingForm, FILING_REQUIREMENTS, filingFormFromContract, STRUCTURE_TYPES, unansweredComments, type FilingForm, type PartyForm } from '../../state/filing-form';
import { useRouter } from '../../state/router';
import { FieldItem } from '../subsidy/FieldItem';
import { FilingSignSubmit } from './FilingSignSubmit';

type Project = FilingForm['project'];
type TextField = 'name' | 'address' | 'planningPermitNumber' | 'floorArea' | 'cost' | 'plannedStart' | 'plannedEnd' | 'contractNumber';
/** Where a typed field's issues are in the contract (the cost is typed in yuan, checked in fen). */
const CONTRACT_PATH: Partial<Record<TextField, string>> = { floorArea: 'project.floorAreaM2', cost: 'project.costFen' };

/**
 * 小型建设工程开工备案 (manual 002 外网申报流程): 申请人 (the enterprise as recorded, read-only: the PDF must carry it),
 * 联系人, 工程信息, 参建单位, 申请材料, then 生成申请表 → preview → 签章（江苏CA） → 提交. Every rule is the contract's
 * (`filingFormSchema`, `missingFilingAttachments`); a returned filing opens here with the staff comment.
 */
export default function FilingFormPage() {
  const t = useT();
  const go = useRouter((s) => s.go);
  const { filingId, view, form, loading, error, restored, savedAt, open, edit, refusal } = useFiling();
  const [tried, setTried] = useState(false);
  const [blockedCount, setBlockedCount] = useState(0);
  useEffect(() => {
    if (blockedCount > 0 || refusal) focusFirstProblem();
  }, [blockedCount, refusal]);

  useEffect(() => {
    if (filingId && !view) void open(filingId);
  }, [filingId, view, open]);
  useEffect(() => startFilingAutosave(), []);

  const check = useMemo(() => checkFilingForm(form), [form]);
  // The server's refusals beside their fields until the form changes, then what the contract says of the form now.
  const refusedIssues = useMemo(() => (refusal && refusal.form === form ? refusal.issues : []), [refusal, form]);
  const problems = useMemo(() => byPath(firstPerPath(refusedIssues, check.issues)), [refusedIssues, check]);
  const showRequired = tried || refusedIssues.length > 0;

  if (!filingId) {
    return (
      <Card>
        <Result status="info" title={t('filing.list.empty')} extra={<Button onClick={() => go('filing-guide')}>{t('filing.list.new')}</Button>} />
      </Card>
    );
  }
  if (loading || !view) {
    return <Card>{error ? <ErrorAlert error={error} onRetry={() => void open(filingId)} /> : <Spin description={t('app.loading')} />}</Card>;
  }

  const editable = FILING_EDITABLE.has(view.status);
  const rc = view.status === 'returned' ? view.returnComments : null;
  const comments: Record<string, string> = Object.fromEntries([...(rc?.fields ?? []), ...(rc?.attachments ?? [])].map((c) => [c.path, c.comment]));
  const unanswered = rc ? unansweredComments(comments, filingFormFromContract(view.form), form) : new Set<string>();
  const setProject = (patch: Partial<Project>) => edit((f) => ({ ...f, project: { ...f.project, ...patch } }));
  const field = (path: string, id: string, label: string, control: ReactNode, opts: { filled?: boolean; required?: boolean; md?: number } = {}) => (
    <Col xs={24} md={opts.md ?? 12} key={id}>
      <FieldItem id={id} label={label} problem={problems[path]} showRequired={showRequired || Boolean(opts.filled)} comment={comments[path]} flagged={unanswered.has(path)} required={opts.required ?? true}>
        {control}
      </FieldItem>
    </Col>
  );
  const text = (name: TextField, opts: { maxLength?: number; type?: 'date'; inputMode?: 'decimal'; suffix?: string; md?: number } = {}) => {
    const id = `filing-${name}`;
    return field(
      CONTRACT_PATH[name] ?? `project.${name}`,
      id,
      t(`filing.field.${name}`),
      <Input
        id={id}
        value={form.project[name]}
        disabled={!editable}
        maxLength={opts.maxLength ?? 100}
        {...(opts.type ? { type: opts.type } : {})}
        {...(opts.inputMode ? { inputMode: opts.inputMode } : {})}
        {...(opts.suffix ? { suffix: opts.suffix } : {})}
        onChange={(e) => setProject({ [name]: e.target.value })}
      />,
      { filled: form.project[name] !== '', ...(opts.md ? { md: opts.md } : {}) },
    );
  };
  const partyFields = (key: 'constructionUnit' | 'contractor' | 'supervisor', value: PartyForm) =>
    (['name', 'uscc'] as const).map((part) =>
      field(
        `project.${key}.${part}`,
        `filing-${key}-${part}`,
        t(`filing.field.${key}.${part}`),
        <Input
          id={`filing-${key}-${part}`}
          value={value[part]}
          disabled={!editable}
          maxLength={part === 'uscc' ? 18 : 100}
          onChange={(e) => setProject({ [key]: { ...value, [part]: e.target.value } })}
        />,
        { filled: value[part] !== '' },
      ),
    );
  const contactField = (name: 'name' | 'mobile' | 'email') =>
    field(
      `contact.${name}`,
      `filing-contact-${name}`,
      t(`subsidy.form.contact${name === 'name' ? 'Name' : name === 'mobile' ? 'Mobile' : 'Email'}`),
      <Input
        id={`filing-contact-${name}`}
        value={form.contact[name]}
        disabled={!editable}
        maxLength={name === 'email' ? 254 : name === 'mobile' ? 20 : 50}
        onChange={(e) => edit((f) => ({ ...f, contact: { ...f.contact, [name]: e.target.value } }))}
      />,
      { filled: form.contact[name] !== '', md: 8 },
    );
  const manager = form.project.projectManager;
  const section = (id: string, title: string, children: ReactNode, note?: string) => (
    <section aria-labelledby={id} style={{ marginTop: 16 }}>
      <Typography.Title level={3} id={id} style={{ fontSize: 16 }}>
        {title}
      </Typography.Title>
      {note && <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>}
      {children}
    </section>
  );

  return (
    <Card>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('filing-list')} style={{ paddingLeft: 0 }}>
        {t('filing.nav.list')}
      </Button>
      <Typography.Title level={2} style={{ fontSize: 22 }}>
        {view.status === 'returned' ? t('filing.form.titleReturned') : t('filing.form.title')}
      </Typography.Title>
      {restored && <Alert type="info" showIcon title={t('subsidy.form.restored')} style={{ marginBottom: 16 }} />}
      {!editable && <Alert type="warning" showIcon title={t('subsidy.form.notEditable', { status: t(`subsidy.status.${view.status}`) })} style={{ marginBottom: 16 }} />}
      {rc && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          data-testid="filing-returned"
          title={t('filing.form.returned')}
          description={
            <>
              {rc.comment && <div>{t('subsidy.form.reviewerComment', { comment: rc.comment })}</div>}
              <div>{t('filing.form.returnedHint')}</div>
            </>
          }
        />
      )}
      {unanswered.size > 0 && <ProblemSummary revision={[form, problems]} title={(count) => t('filing.form.commented', { count })} />}
      <Form layout="vertical" requiredMark component="div">
        {section(
          'filing-applicant',
          t('filing.form.applicant'),
          <>
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'name', label: t('subsidy.form.enterpriseName'), children: view.enterprise.name },
                { key: 'uscc', label: t('subsidy.form.uscc'), children: view.enterprise.uscc },
              ]}
            />
            <Row gutter={16} style={{ marginTop: 16 }}>
              {contactField('name')}
              {contactField('mobile')}
              {contactField('email')}
            </Row>
          </>,
          t('filing.form.applicantNote'),
        )}
        {section(
          'filing-project',
          t('filing.form.project'),
          <Row gutter={16}>
            {text('name', { md: 24 })}
            {text('address', { maxLength: 200, md: 24 })}
            {text('planningPermitNumber', { maxLength: 50 })}
            {field(
              'project.structureType',
              'filing-structureType',
              t('filing.field.structureType'),
              <Select
                id="filing-structureType"
                value={form.project.structureType || undefined}
                placeholder={t('subsidy.field.select')}
                disabled={!editable}
                options={STRUCTURE_TYPES.map((s) => ({ value: s, label: t(`filing.structure.${s}`) }))}
                onChange={(v: Project['structureType']) => setProject({ structureType: v })}
              />,
              { filled: form.project.structureType !== '' },
            )}
            {text('floorArea', { maxLength: 12, inputMode: 'decimal', suffix: 'm²' })}
            {text('cost', { maxLength: 16, inputMode: 'decimal', suffix: t('filing.field.yuan') })}
            {text('plannedStart', { type: 'date' })}
            {text('plannedEnd', { type: 'date' })}
          </Row>,
          t('filing.form.projectNote'),
        )}
        {section(
          'filing-parties',
          t('filing.form.parties'),
          <Row gutter={16}>
            {partyFields('constructionUnit', form.project.constructionUnit)}
            {partyFields('contractor', form.project.contractor)}
            {text('contractNumber', { maxLength: 50 })}
            {field(
              'project.projectManager.name',
              'filing-manager-name',
              t('filing.field.managerName'),
              <Input id="filing-manager-name" value={manager.name} maxLength={50} disabled={!editable} onChange={(e) => setProject({ projectManager: { ...manager, name: e.target.value } })} />,
              { filled: manager.name !== '', md: 6 },
            )}
            {field(
              'project.projectManager.mobile',
              'filing-manager-mobile',
              t('filing.field.managerMobile'),
              <Input id="filing-manager-mobile" value={manager.mobile} maxLength={20} inputMode="tel" disabled={!editable} onChange={(e) => setProject({ projectManager: { ...manager, mobile: e.target.value } })} />,
              { filled: manager.mobile !== '', md: 6 },
            )}
            <Col xs={24} {...problemMark(t('filing.field.hasSupervisor'), unanswered.has('project.supervisor'))}>
              <Checkbox checked={form.project.hasSupervisor} disabled={!editable} onChange={(e) => setProject({ hasSupervisor: e.target.checked })} data-testid="filing-has-supervisor" style={{ marginBottom: comments['project.supervisor'] ? 4 : 16 }}>
                {t('filing.field.hasSupervisor')}
              </Checkbox>
              {comments['project.supervisor'] && (
                <Typography.Paragraph type="warning" data-testid="comment-filing-supervisor" style={{ marginBottom: 16 }}>
                  {t('subsidy.form.reviewerComment', { comment: comments['project.supervisor'] })}
                </Typography.Paragraph>
              )}
            </Col>
            {form.project.hasSupervisor && partyFields('supervisor', form.project.supervisor)}
          </Row>,
        )}
        {section(
          'filing-materials',
          t('filing.form.materials'),
          <ul style={{ padding: 0, margin: 0, border: '1px solid #f0f0f0', borderRadius: 4 }}>
            {FILING_REQUIREMENTS.map((r) => (
              <MaterialSlot
                key={r}
                purpose="constructionFiling"
                requirement={r}
                name={t(`filing.req.${r}`)}
                files={form.attachments[r] ?? []}
                required={filingRequirements[r].required === 'always'}
                flagMissing={showRequired}
                comment={comments[`attachments.${r}`]}
                flagged={unanswered.has(`attachments.${r}`)}
                testId={`upload-${r}`}
                inputTestId={`upload-${r}-input`}
                disabled={!editable}
                onChange={(files) => edit((f) => ({ ...f, attachments: { ...f.attachments, [r]: files } }))}
              />
            ))}
          </ul>,
          `${t('filing.form.materialsNote')} ${t('material.hint', { max: MAX_FILES_PER_MATERIAL })}`,
        )}
      </Form>

      {editable && (
        <div style={{ marginTop: 24 }}>
          {showRequired && <ProblemSummary revision={problems} title={(count) => t('subsidy.form.problems', { count })} />}
          <FilingSignSubmit
            check={check}
            onBlocked={() => {
              setTried(true);
              setBlockedCount((n) => n + 1);
            }}
            onSubmitted={() => go('filing-detail')}
          />
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
