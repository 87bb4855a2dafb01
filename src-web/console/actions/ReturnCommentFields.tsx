/**
 * The return form: a general comment plus comments pinned to fields ("人才2 · 发票号码" → `talents[1].invoiceNumber`)
 * and to attachments, which the enterprise then sees beside what they concern.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Typography, type FormRule } from 'antd';
import { contractRule } from '@shared/forms';
import { signedForm, type StaffApplication } from '../detail/model';
import { attachmentPathOptions, fieldPathOptions, type PathOption } from '../field-paths';
import { useLang, useT } from '../i18n';
import type { MessageKey } from '../messages';
import { reviewIssues, type ReviewForm } from './review-actions';

export interface CommentListProps {
  name: 'fields' | 'attachments';
  options: PathOption[];
  title: MessageKey;
  add: MessageKey;
  pathLabel: MessageKey;
  commentLabel: MessageKey;
  /** The return route's own rule for the field at this body path. */
  rule(path: string): FormRule;
}

/** One list of pinned comments (a path picked from `options`, the comment beside it); the subsidy's and the filing's dialogs. */
export function CommentList({ name, options, title, add, pathLabel, commentLabel, rule }: CommentListProps) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(items, { add: append, remove }) => (
        <div style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t(title)}</Typography.Text>
          {items.map((item, i) => (
            <Space key={item.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
              <Form.Item name={[item.name, 'path']} rules={[rule(`${name}[${item.name}].path`)]} style={{ marginBottom: 0 }}>
                <Select aria-label={t(pathLabel, { n: i + 1 })} placeholder={t('action.pick')} options={options} showSearch={{ optionFilterProp: 'label' }} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item name={[item.name, 'comment']} rules={[rule(`${name}[${item.name}].comment`)]} style={{ marginBottom: 0 }}>
                <Input.TextArea aria-label={t(commentLabel, { n: i + 1 })} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} style={{ width: 400 }} />
              </Form.Item>
              <Button aria-label={t('action.removeN', { n: i + 1 })} icon={<DeleteOutlined />} onClick={() => remove(item.name)} />
            </Space>
          ))}
          <div style={{ marginTop: 8 }}>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => append({})}>
              {t(add)}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}

export function ReturnCommentFields({ app }: { app: StaffApplication }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const rule = (path: string) => contractRule((values: ReviewForm) => reviewIssues('return', values), path, lang) as FormRule;
  const payload = signedForm(app);
  return (
    <>
      {payload ? (
        <>
          <CommentList name="fields" options={fieldPathOptions(payload, lang)} title="action.fieldComments" add="action.addFieldComment" pathLabel="action.fieldN" commentLabel="action.fieldCommentN" rule={rule} />
          <CommentList
            name="attachments"
            options={attachmentPathOptions(payload, lang)}
            title="action.attachmentComments"
            add="action.addAttachmentComment"
            pathLabel="action.attachmentN"
            commentLabel="action.attachmentCommentN"
            rule={rule}
          />
        </>
      ) : null}
      <Form.Item
        label={t('action.generalComment')}
        name="comment"
        dependencies={['fields', 'attachments']}
        rules={[rule('')]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </>
  );
}
