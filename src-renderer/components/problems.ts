/**
 * Where a long form's problems are on the page (walk-through item 3: the subsidy form is about 5,500 px tall and a
 * failed submit said "已在下方标出" about fields far above). Every field and upload slot that can have a problem marks
 * its element with {@link problemMark}; a failed submit scrolls to and focuses the first marked one, and the summary
 * beside the submit button links to each. The page order is the DOM order, so the summary reads as the form does.
 */
export const PROBLEM_ATTR = 'data-problem';

/** Attributes for a field's outer element: its label (for the summary) and whether it shows a problem now. */
export function problemMark(label: string, hasProblem: boolean): Record<string, string | undefined> {
  return { 'data-field-label': label, [PROBLEM_ATTR]: hasProblem ? 'true' : undefined };
}

export interface ShownProblem {
  element: HTMLElement;
  label: string;
}

export function shownProblems(root: ParentNode = document): ShownProblem[] {
  return [...root.querySelectorAll<HTMLElement>(`[${PROBLEM_ATTR}="true"]`)].map((element) => ({ element, label: element.dataset.fieldLabel ?? '' }));
}

const FOCUSABLE = 'input:not([type="hidden"]):not([type="file"]):not([disabled]), textarea:not([disabled]), .ant-select-selector, button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Brings a field into the middle of the screen and puts the cursor in it (or on its button, for an upload slot). */
export function focusProblem(element: HTMLElement): void {
  element.scrollIntoView({ block: 'center' });
  const target = element.querySelector<HTMLElement>(FOCUSABLE) ?? element;
  target.focus({ preventScroll: true });
}

/** After a failed submit: the first problem on the page, if any. Returns whether there was one. */
export function focusFirstProblem(root: ParentNode = document): boolean {
  const first = shownProblems(root)[0];
  if (first) focusProblem(first.element);
  return Boolean(first);
}
