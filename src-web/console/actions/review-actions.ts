/** The reviewer's actions: which route each calls and the body it sends from the dialog's form. */
import {
  acceptSubsidyRoute,
  approveSubsidyRoute,
  rejectSubsidyRoute,
  returnSubsidyRoute,
  startSubsidyPublicityRoute,
  type subsidyReviewCommentSchema,
  type SubsidyAction,
} from '@shared/contract/http/subsidy';
import type { z } from 'zod';
import { checkForm } from '@shared/forms';
import { call } from '../api';
import type { StaffApplication } from '../detail/model';

export const REVIEW_ACTIONS = ['accept', 'return', 'approve', 'reject', 'startPublicity'] as const satisfies readonly SubsidyAction[];
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const isReviewAction = (a: SubsidyAction): a is ReviewAction => (REVIEW_ACTIONS as readonly string[]).includes(a);

/** A comment row as the reviewer fills it in: the contract's comment, either half possibly still empty. */
export type ReviewComment = Partial<z.input<typeof subsidyReviewCommentSchema>>;

/** What the dialogs collect (the routes' bodies, the amount in yuan); each action reads its own part. */
export type ReviewForm = Partial<z.input<typeof rejectSubsidyRoute.body> & z.input<typeof startSubsidyPublicityRoute.body>> & {
  comment?: string;
  fields?: ReviewComment[];
  attachments?: ReviewComment[];
  amountYuan?: number;
};

const optional = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
/** Every comment row as typed (a row left empty is the contract's to refuse, beside it, not ours to drop). */
const rows = (list: ReviewComment[] = []) => list.map((c) => ({ path: c.path ?? '', comment: c.comment?.trim() ?? '' }));

/** The body each action sends, from the dialog's form: what the contract checks in the dialog and on the server. */
export function reviewBody(action: ReviewAction, f: ReviewForm) {
  switch (action) {
    case 'accept':
      return { comment: optional(f.comment) };
    case 'return':
      return { comment: f.comment?.trim() ?? '', fields: rows(f.fields), attachments: rows(f.attachments) };
    case 'approve':
      return { amountFen: Math.round((f.amountYuan ?? 0) * 100), comment: optional(f.comment) };
    case 'reject':
      return { reason: f.reason?.trim() ?? '' };
    case 'startPublicity':
      return { startDate: f.startDate ?? '', endDate: f.endDate ?? '' };
  }
}

export const REVIEW_ROUTES = {
  accept: acceptSubsidyRoute,
  return: returnSubsidyRoute,
  approve: approveSubsidyRoute,
  reject: rejectSubsidyRoute,
  startPublicity: startSubsidyPublicityRoute,
} as const;

/** The contract's issues with what the dialog would send (paths as the body's: `reason`, `endDate`, `amountFen`). */
export const reviewIssues = (action: ReviewAction, f: ReviewForm) => checkForm(REVIEW_ROUTES[action].body, reviewBody(action, f)).issues;

export function runReviewAction(action: ReviewAction, applicationId: string, f: ReviewForm): Promise<StaffApplication> {
  const params = { applicationId };
  switch (action) {
    case 'accept':
      return call(acceptSubsidyRoute, { params, body: reviewBody(action, f) as { comment?: string } });
    case 'return':
      return call(returnSubsidyRoute, { params, body: reviewBody(action, f) as { comment: string; fields: { path: string; comment: string }[]; attachments: { path: string; comment: string }[] } });
    case 'approve':
      return call(approveSubsidyRoute, { params, body: reviewBody(action, f) as { amountFen: number; comment?: string } });
    case 'reject':
      return call(rejectSubsidyRoute, { params, body: reviewBody(action, f) as { reason: string } });
    case 'startPublicity':
      return call(startSubsidyPublicityRoute, { params, body: reviewBody(action, f) as { startDate: string; endDate: string } });
  }
}
