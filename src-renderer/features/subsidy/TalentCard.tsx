import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Popconfirm, Radio, Row, Select, Typography } from 'antd';
import type { AttachmentRef } from '@shared/contract/client-api';
import { isRequirementAsked, isRequirementNeeded, subsidyTalentRequirements } from '@shared/contract/http/subsidy';
import { formatFen } from '@shared/subsidy/amount';
import { useT } from '../../i18n/store';
import {
  CATEGORIES,
  CHANNELS,
  DEGREES,
  EDUCATIONS,
  ID_TYPES,
  isHeadhunting,
  TALENT_REQUIREMENTS,
  type Problems,
  type TalentForm,
} from '../../state/subsidy-form';
import { MaterialSlot } from '../../components/MaterialSlot';
import { FieldItem } from './FieldItem';
import { OpenUploaded } from './OpenUploaded';

type TextField =
  | 'name'
  | 'idNumber'
  | 'nationality'
  | 'school'
  | 'major'
  | 'title'
  | 'position'
  | 'annualSalary'
  | 'socialInsuranceMonths'
  | 'headhunterName'
  | 'headhunterUscc'
  | 'feePaid'
  | 'invoiceNumber';

/** The contract path (what reviewers comment on and problems are keyed by) of each of the form's fields. */
const PATH: Record<string, string> = {
  annualSalary: 'annualSalaryFen',
  headhunterName: 'headhunter.name',
  headhunterUscc: 'headhunter.uscc',
  feePaid: 'feePaidFen',
  priorSubsidyReceived: 'priorSubsidy.received',
  priorSubsidyNote: 'priorSubsidy.note',
};

/** One recruited talent: every field of the contract; the headhunting fields only when the channel is a headhunter. */
export function TalentCard(props: {
  index: number;
  talent: TalentForm;
  problems: Problems;
  comments: Record<string, string>;
  showRequired: boolean;
  amountFen: number;
  canRemove: boolean;
  disabled: boolean;
  onChange(patch: Partial<TalentForm>): void;
  onFiles(requirement: string, files: AttachmentRef[]): void;
  onRemove(): void;
}) {
  const t = useT();
  const { index, talent } = props;
  const n = index + 1;
  const path = (field: string) => `talents[${index}].${PATH[field] ?? field}`;
  const id = (field: string) => `talent-${index}-${field}`;
  const comment = (field: string) => props.comments[path(field)] ?? (field.startsWith('headhunter') ? props.comments[`talents[${index}].headhunter`] : undefined);
  const label = (field: string) => t(`subsidy.field.${PATH[field] ?? field}` as 'subsidy.field.name');
  const hh = isHeadhunting(talent);
  const item = (field: string, control: React.ReactNode, opts: { required?: boolean; span?: number } = {}) => (
    <Col xs={24} md={opts.span ?? 12} key={field}>
      <FieldItem id={id(field)} label={label(field)} summaryLabel={`${t('subsidy.talent.title', { index: n })} · ${label(field)}`} problem={props.problems[path(field)]} showRequired={props.showRequired} comment={comment(field)} required={opts.required}>
        {control}
      </FieldItem>
    </Col>
  );
  const text = (field: TextField, opts: { maxLength?: number; inputMode?: 'decimal' | 'numeric'; prefix?: string; required?: boolean } = {}) =>
    item(
      field,
      <Input
        id={id(field)}
        value={talent[field]}
        maxLength={opts.maxLength ?? 100}
        inputMode={opts.inputMode}
        prefix={opts.prefix}
        disabled={props.disabled}
        onChange={(e) => props.onChange({ [field]: e.target.value })}
      />,
      { required: opts.required },
    );
  const date = (field: 'graduationDate' | 'hireDate' | 'contractStart' | 'contractEnd' | 'paymentDate') =>
    item(field, <Input id={id(field)} type="date" value={talent[field]} disabled={props.disabled} onChange={(e) => props.onChange({ [field]: e.target.value })} />);
  const select = <F extends 'idType' | 'education' | 'degree' | 'category' | 'recruitmentChannel'>(field: F, options: readonly string[], prefix: string) =>
    item(
      field,
      <Select
        id={id(field)}
        value={talent[field] || undefined}
        placeholder={t('subsidy.field.select')}
        disabled={props.disabled}
        options={options.map((o) => ({ value: o, label: t(`${prefix}.${o}` as 'subsidy.idType.other') }))}
        onChange={(v: string) => props.onChange({ [field]: v } as Partial<TalentForm>)}
      />,
    );

  const title = talent.name.trim() ? t('subsidy.talent.titleNamed', { index: n, name: talent.name.trim() }) : t('subsidy.talent.title', { index: n });
  return (
    <section aria-label={t('subsidy.talent.title', { index: n })} data-testid={`talent-${index}`}>
      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={<h3 style={{ margin: 0, fontSize: 15 }}>{title}</h3>}
        extra={
          props.canRemove && !props.disabled ? (
            <Popconfirm
              title={t('subsidy.talent.removeConfirm', { index: n })}
              okText={t('subsidy.talent.removeOk')}
              cancelText={t('subsidy.talent.removeCancel')}
              onConfirm={props.onRemove}
            >
              <Button danger size="small" icon={<DeleteOutlined aria-hidden />} aria-label={t('subsidy.talent.removeLabel', { index: n })}>
                {t('subsidy.talent.remove')}
              </Button>
            </Popconfirm>
          ) : undefined
        }
      >
        <Row gutter={16}>
          {text('name', { maxLength: 50 })}
          {select('idType', ID_TYPES, 'subsidy.idType')}
          {text('idNumber', { maxLength: 40 })}
          {text('nationality', { maxLength: 50 })}
          {select('education', EDUCATIONS, 'subsidy.education')}
          {select('degree', DEGREES, 'subsidy.degree')}
          {text('school')}
          {text('major')}
          {date('graduationDate')}
          {text('title', { required: false })}
          {text('position')}
          {select('category', CATEGORIES, 'subsidy.category')}
          {date('hireDate')}
          {date('contractStart')}
          {date('contractEnd')}
          {text('annualSalary', { maxLength: 16, inputMode: 'decimal', prefix: '¥' })}
          {item(
            'socialInsuranceStartMonth',
            <Input id={id('socialInsuranceStartMonth')} type="month" value={talent.socialInsuranceStartMonth} disabled={props.disabled} onChange={(e) => props.onChange({ socialInsuranceStartMonth: e.target.value })} />,
          )}
          {text('socialInsuranceMonths', { maxLength: 3, inputMode: 'numeric' })}
          {select('recruitmentChannel', CHANNELS, 'subsidy.channel')}
          {hh && (
            <>
              {text('headhunterName')}
              {text('headhunterUscc', { maxLength: 18 })}
              {text('feePaid', { maxLength: 16, inputMode: 'decimal', prefix: '¥' })}
              {text('invoiceNumber', { maxLength: 50 })}
              {date('paymentDate')}
            </>
          )}
          {item(
            'priorSubsidyReceived',
            <Radio.Group
              id={id('priorSubsidyReceived')}
              value={talent.priorSubsidyReceived}
              disabled={props.disabled}
              aria-label={label('priorSubsidyReceived')}
              onChange={(e) => props.onChange({ priorSubsidyReceived: e.target.value as boolean })}
              options={[
                { value: false, label: t('subsidy.field.no') },
                { value: true, label: t('subsidy.field.yes') },
              ]}
            />,
          )}
          {talent.priorSubsidyReceived &&
            item(
              'priorSubsidyNote',
              <Input.TextArea id={id('priorSubsidyNote')} value={talent.priorSubsidyNote} maxLength={500} rows={2} disabled={props.disabled} onChange={(e) => props.onChange({ priorSubsidyNote: e.target.value })} />,
              { required: false, span: 24 },
            )}
        </Row>
        {hh && (
          <Typography.Paragraph strong data-testid={`talent-${index}-amount`}>
            {t('subsidy.talent.amount', { amount: formatFen(props.amountFen) })}
          </Typography.Paragraph>
        )}
        <Typography.Title level={4} style={{ fontSize: 14 }}>
          {t('subsidy.talent.attachments')}
        </Typography.Title>
        <ul style={{ padding: 0, margin: 0, border: '1px solid #f0f0f0', borderRadius: 4 }}>
          {TALENT_REQUIREMENTS.filter((r) => isRequirementAsked(subsidyTalentRequirements[r].required, hh)).map((r) => {
            const name = t(`subsidy.req.${r}`);
            return (
              <MaterialSlot
                key={r}
                purpose="subsidy"
                requirement={r}
                name={t('subsidy.req.talentName', { name, index: n })}
                files={talent.attachments[r] ?? []}
                required={isRequirementNeeded(subsidyTalentRequirements[r].required, hh)}
                flagMissing={props.showRequired}
                comment={props.comments[`talents[${index}].attachments.${r}`]}
                testId={`talent-${index}-upload-${r}`}
                inputTestId={`talent-${index}-upload-${r}-input`}
                {...(props.disabled !== undefined ? { disabled: props.disabled } : {})}
                onChange={(files) => props.onFiles(r, files)}
                fileActions={(file, i) => (
                  <OpenUploaded file={file} name={t('subsidy.req.talentName', { name, index: n })} testId={i === 0 ? `talent-${index}-upload-${r}-open` : `talent-${index}-upload-${r}-open-${i}`} />
                )}
              />
            );
          })}
        </ul>
      </Card>
    </section>
  );
}
