import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Form, Input, Modal, Popconfirm, Radio, Space, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppError, Result } from '@shared/contract/result';
import { issueText } from '@shared/forms';
import type { MessageKey } from '@shared/i18n/messages';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocale, useT } from '../../i18n/store';
import { fieldOfError, type FieldErrors } from './disbursement-logic';

export interface RecordField<F> {
  name: keyof F & string;
  label: MessageKey;
  optional?: boolean;
  extra?: ReactNode;
  placeholder?: string;
}

/**
 * "调整银行账户" / "调整联系人" (manual 001 §2: 进行选择或者维护): the enterprise's saved records to choose from, and to
 * add, edit or delete. Checked here with the contract's own rules before saving; what the server refuses anyway is
 * shown beside its field.
 */
export function SavedRecordsDialog<T extends { id: string }, F extends object>(props: {
  open: boolean;
  title: string;
  /** Prefix of every data-testid inside: `${testId}-add`, `${testId}-use`, `${testId}-field-<name>`… */
  testId: string;
  records: T[] | null;
  selectedId: string | null;
  load(): Promise<AppError | null>;
  describe(record: T): ReactNode;
  /** A short name for accessible labels ("修改银行账户 6222…"). */
  nameOf(record: T): string;
  fields: RecordField<F>[];
  empty(): F;
  toForm(record: T): F;
  check(form: F): { ok: true; value: F } | { ok: false; errors: FieldErrors<F> };
  create(value: F): Promise<Result<T>>;
  update(id: string, value: F): Promise<Result<T>>;
  remove(id: string): Promise<Result<unknown>>;
  /** Uses the chosen record; resolves to its error, if any. */
  choose(id: string): Promise<AppError | null>;
  onClose(): void;
  texts: { add: MessageKey; edit: MessageKey; editLabel: MessageKey; remove: MessageKey; removeLabel: MessageKey; removeConfirm: MessageKey; empty: MessageKey; formNew: MessageKey; formEdit: MessageKey };
  notice?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const { open, load } = props;
  const [selected, setSelected] = useState<string | null>(props.selectedId);
  const [editing, setEditing] = useState<{ id: string | null; form: F } | null>(null);
  const [errors, setErrors] = useState<FieldErrors<F>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    /* eslint-disable react-hooks/set-state-in-effect -- a dialog opening starts from the disbursement's choice */
    setSelected(props.selectedId);
    setEditing(null);
    setErrors({});
    setError(null);
    /* eslint-enable react-hooks/set-state-in-effect */
    void load().then((e) => e && setError(e));
  }, [open, load, props.selectedId]);

  const startEdit = (record: T | null) => {
    setErrors({});
    setError(null);
    setEditing({ id: record?.id ?? null, form: record ? props.toForm(record) : props.empty() });
  };

  const save = async () => {
    if (!editing) return;
    const checked = props.check(editing.form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    setError(null);
    const r = editing.id ? await props.update(editing.id, checked.value) : await props.create(checked.value);
    setBusy(false);
    if (!r.ok) {
      const at = fieldOfError(r.error, props.fields.map((f) => f.name));
      if (at) setErrors({ [at.field]: at.issue } as FieldErrors<F>);
      else setError(r.error);
      return;
    }
    setEditing(null);
    setSelected(r.value.id);
    const e = await load();
    if (e) setError(e);
  };

  const remove = async (id: string) => {
    setError(null);
    const r = await props.remove(id);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    if (selected === id) setSelected(null);
    const e = await load();
    if (e) setError(e);
  };

  const use = async () => {
    if (!selected) return;
    setBusy(true);
    const e = await props.choose(selected);
    setBusy(false);
    if (e) setError(e);
    else props.onClose();
  };


  const form = editing && (
    <Form layout="vertical" data-testid={`${props.testId}-form`} onFinish={() => void save()} requiredMark="optional">
      <Typography.Title level={4} style={{ fontSize: 15, marginTop: 0 }}>
        {t(editing.id ? props.texts.formEdit : props.texts.formNew)}
      </Typography.Title>
      {props.notice}
      {props.fields.map((field) => {
        const label = t(field.label);
        const issue = errors[field.name];
        return (
          <Form.Item
            key={field.name}
            label={label}
            required={!field.optional}
            validateStatus={issue ? 'error' : undefined}
            help={issue ? <span data-testid={`${props.testId}-error-${field.name}`}>{issueText(locale, issue)}</span> : undefined}
            extra={field.extra}
            htmlFor={`${props.testId}-field-${field.name}`}
          >
            <Input
              id={`${props.testId}-field-${field.name}`}
              data-testid={`${props.testId}-field-${field.name}`}
              value={String(editing.form[field.name] ?? '')}
              placeholder={field.placeholder}
              onChange={(e) => {
                setEditing({ ...editing, form: { ...editing.form, [field.name]: e.target.value } });
                if (errors[field.name]) setErrors({ ...errors, [field.name]: undefined });
              }}
            />
          </Form.Item>
        );
      })}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-testid={`${props.testId}-save`}>
          {t('disb.form.save')}
        </Button>
        <Button onClick={() => setEditing(null)} data-testid={`${props.testId}-cancel`}>
          {t('disb.form.cancel')}
        </Button>
      </Space>
    </Form>
  );

  return (
    <Modal
      open={open}
      title={props.title}
      width={720}
      onCancel={props.onClose}
      destroyOnHidden
      footer={
        editing
          ? null
          : [
              <Button key="cancel" onClick={props.onClose}>
                {t('disb.form.cancel')}
              </Button>,
              <Button key="use" type="primary" disabled={!selected} loading={busy} onClick={() => void use()} data-testid={`${props.testId}-use`}>
                {t('disb.form.use')}
              </Button>,
            ]
      }
    >
      <div data-testid={props.testId}>
        <ErrorAlert error={error} onRetry={() => void load().then((e) => setError(e))} style={{ marginBottom: 12 }} />
        {form ?? (
          <>
            {props.records === null ? (
              !error && <Spin />
            ) : props.records.length === 0 ? (
              <Empty description={t(props.texts.empty)} />
            ) : (
              <Radio.Group value={selected} onChange={(e) => setSelected(e.target.value as string)} style={{ width: '100%' }} aria-label={props.title}>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {props.records.map((record, i) => (
                    <li key={record.id} data-testid={`${props.testId}-item-${i}`} style={{ padding: '10px 8px', borderBottom: '1px solid #f0f0f0', display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
                      <Radio value={record.id} data-testid={`${props.testId}-choose-${i}`}>
                        {props.describe(record)}
                      </Radio>
                      <Space>
                        <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t(props.texts.editLabel, { number: props.nameOf(record), name: props.nameOf(record) })} onClick={() => startEdit(record)} data-testid={`${props.testId}-edit-${i}`}>
                          {t(props.texts.edit)}
                        </Button>
                        <Popconfirm title={t(props.texts.removeConfirm)} okText={t(props.texts.remove)} cancelText={t('disb.form.cancelRemove')} onConfirm={() => void remove(record.id)}>
                          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t(props.texts.removeLabel, { number: props.nameOf(record), name: props.nameOf(record) })} data-testid={`${props.testId}-remove-${i}`}>
                            {t(props.texts.remove)}
                          </Button>
                        </Popconfirm>
                      </Space>
                    </li>
                  ))}
                </ul>
              </Radio.Group>
            )}
            <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => startEdit(null)} style={{ marginTop: 12 }} block data-testid={`${props.testId}-add`}>
              {t(props.texts.add)}
            </Button>
          </>
        )}
      </div>
    </Modal>
  );
}
