import { describe, expect, it } from 'vitest';
import { reviewIssues } from './review-actions';

describe('the review dialogs check with the routes’ own body schemas', () => {
  it('asks for a reject reason and a publicity end on or after its start, at the body’s paths', () => {
    expect(reviewIssues('reject', { reason: '   ' })).toEqual([{ path: 'reason', code: 'REQUIRED' }]);
    expect(reviewIssues('reject', { reason: '材料不全' })).toEqual([]);
    expect(reviewIssues('startPublicity', { startDate: '2026-05-10', endDate: '2026-05-01' })).toEqual([{ path: 'endDate', code: 'DATE_ORDER' }]);
    expect(reviewIssues('startPublicity', { startDate: '2026-05-10', endDate: '' })).toEqual([{ path: 'endDate', code: 'REQUIRED' }]);
    expect(reviewIssues('return', {})).toEqual([{ path: '', code: 'COMMENT_REQUIRED' }]);
  });
});

describe('return comment rows', () => {
  it('refuses a row left half empty beside it, instead of dropping it silently', () => {
    expect(reviewIssues('return', { fields: [{ path: 'contact.mobile' }] })).toEqual([{ path: 'fields[0].comment', code: 'REQUIRED' }]);
    expect(reviewIssues('return', { fields: [{ path: 'contact.mobile', comment: '号码有误' }] })).toEqual([]);
  });
});
