/**
 * What a reviewer may pin a return comment to, as the console names it: the contract's field paths
 * (FILING_FIELD_PATHS) and materials, in form order, so the dialog offers exactly what the server accepts.
 */
import { FILING_FIELD_PATHS, FILING_MATERIAL_PATHS, type FilingFieldPath } from '@shared/contract/http/filing';
import type { PathOption } from '../field-paths';
import type { MessageKey } from '../messages';

type T = (key: MessageKey) => string;

export const filingPathLabel = (path: string, t: T): string =>
  (FILING_FIELD_PATHS as readonly string[]).includes(path)
    ? t(`filing.path.${path as FilingFieldPath}`)
    : path.startsWith('attachments.')
      ? t(`filing.req.${path.slice('attachments.'.length)}` as MessageKey)
      : path;

export const filingFieldOptions = (t: T): PathOption[] => FILING_FIELD_PATHS.map((value) => ({ value, label: filingPathLabel(value, t) }));
export const filingMaterialOptions = (t: T): PathOption[] => FILING_MATERIAL_PATHS.map((value) => ({ value, label: filingPathLabel(value, t) }));
