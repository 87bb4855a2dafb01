import { Alert, Button } from 'antd';
import { useLayoutEffect, useState } from 'react';
import { useT } from '../i18n/store';
import { focusProblem, shownProblems, type ShownProblem } from './problems';

/**
 * The count of what still needs fixing, and a link to each field (label: in the page's order), beside the submit
 * button: a clerk at the bottom of a long form goes to the field in one click. `revision` changes whenever the
 * problems may have (the form's issues), so the list is read again after that render.
 */
export function ProblemSummary(props: { revision: unknown; title(count: number): string }) {
  const t = useT();
  const [items, setItems] = useState<ShownProblem[]>([]);
  // Read after React has put the marks on the page; the list is the page's, not a second copy of the form's rules.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useLayoutEffect(() => setItems(shownProblems()), [props.revision]);
  if (items.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={props.title(items.length)}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="problem-summary">
          {items.map((p, i) => (
            <li key={i}>
              <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => focusProblem(p.element)}>
                {p.label || t('form.problem.unnamed')}
              </Button>
            </li>
          ))}
        </ul>
      }
    />
  );
}
