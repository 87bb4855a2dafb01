/** A return's comments: the general one, then per field and per attachment with readable paths. */
import { Typography } from 'antd';
import type { z } from 'zod';
import type { subsidyReturnSchema } from '@shared/contract/http/subsidy';
import { pathLabel } from '../field-paths';
import { useLang, useT } from '../i18n';

type ReturnComments = z.infer<typeof subsidyReturnSchema>;

export function ReturnCommentsList({ comments }: { comments: ReturnComments }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const list = (title: string, items: ReturnComments['fields']) =>
    items.length ? (
      <div>
        <Typography.Text strong>{title}</Typography.Text>
        <ul style={{ margin: '4px 0' }}>
          {items.map((c) => (
            <li key={`${c.path}:${c.comment}`}>
              <Typography.Text mark>{pathLabel(c.path, lang)}</Typography.Text>：{c.comment}
            </li>
          ))}
        </ul>
      </div>
    ) : null;
  return (
    <div>
      {comments.comment ? <Typography.Paragraph style={{ marginBottom: 4 }}>{t('timeline.comment', { comment: comments.comment })}</Typography.Paragraph> : null}
      {list(t('timeline.fieldComments'), comments.fields)}
      {list(t('timeline.attachmentComments'), comments.attachments)}
    </div>
  );
}
