import type { AttachmentRef } from '@shared/contract/client-api';
import {
  filingFormSchema,
  filingRequirementSchema,
  filingRequirements,
  missingFilingAttachments,
  structureTypeSchema,
  type FilingDraftForm,
  type FilingFormValue,
  type FilingRequirement,
  type StructureType,
} from '@shared/contract/http/filing';
import { canonicalize } from '@shared/validation/canonical-json';
import { checkForm, fenToYuanText, firstPerPath, readNumber, yuanToFen, type FormCheck } from '@shared/forms';
import type { FieldIssue } from '@shared/validation/issues';

/**
 * The construction filing's form as the clerk types it (strings; the cost in yuan): checked by turning it into the
 * contract's shape and asking `filingFormSchema` and `missingFilingAttachments`, so the issues come back by contract
 * path (`project.plannedEnd`, `attachments.planningPermit`), the paths the server refuses and reviewers comment on.
 */
export const FILING_REQUIREMENTS = filingRequirementSchema.options;
export const STRUCTURE_TYPES = structureTypeSchema.options;

export interface PartyForm {
  name: string;
  uscc: string;
}

export interface FilingForm {
  contact: { name: string; mobile: string; email: string };
  project: {
    name: string;
    address: string;
    planningPermitNumber: string;
    structureType: StructureType | '';
    /** Square metres, as typed. */
    floorArea: string;
    /** Yuan, as typed. */
    cost: string;
    plannedStart: string;
    plannedEnd: string;
    constructionUnit: PartyForm;
    contractor: PartyForm;
    /** Small projects often have no supervisor. */
    hasSupervisor: boolean;
    supervisor: PartyForm;
    contractNumber: string;
    projectManager: { name: string; mobile: string };
  };
  attachments: Partial<Record<FilingRequirement, AttachmentRef[]>>;
}

const party = (): PartyForm => ({ name: '', uscc: '' });

export function emptyFilingForm(): FilingForm {
  return {
    contact: { name: '', mobile: '', email: '' },
    project: {
      name: '',
      address: '',
      planningPermitNumber: '',
      structureType: '',
      floorArea: '',
      cost: '',
      plannedStart: '',
      plannedEnd: '',
      constructionUnit: party(),
      contractor: party(),
      hasSupervisor: false,
      supervisor: party(),
      contractNumber: '',
      projectManager: { name: '', mobile: '' },
    },
    attachments: {},
  };
}

const digest = (a: AttachmentRef) => ({ requirement: a.requirement, sha256: a.sha256, size: a.size, mediaType: a.mediaType });
const allFiles = (refs: FilingForm['attachments']): AttachmentRef[] => FILING_REQUIREMENTS.flatMap((r) => refs[r] ?? []);

/** Square metres with at most two decimals; anything else is left for the schema to refuse. */
const readArea = (text: string): number | string | undefined => {
  const s = text.trim().replace(/[,，\s]/g, '');
  if (s === '') return undefined;
  return /^\d{1,7}(\.\d{1,2})?$/.test(s) ? Number(s) : s;
};

/** The form in the contract's shape (not yet checked) and the amounts that could not be read. */
function contractShape(form: FilingForm) {
  const unreadable: FieldIssue[] = [];
  const p = form.project;
  const value = {
    contact: form.contact,
    project: {
      name: p.name,
      address: p.address,
      planningPermitNumber: p.planningPermitNumber,
      structureType: p.structureType,
      floorAreaM2: readArea(p.floorArea),
      costFen: readNumber(p.cost, 'yuan', 'project.costFen', unreadable),
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      constructionUnit: p.constructionUnit,
      contractor: p.contractor,
      supervisor: p.hasSupervisor ? p.supervisor : null,
      contractNumber: p.contractNumber,
      projectManager: p.projectManager,
    },
    attachments: allFiles(form.attachments).map(digest),
  };
  return { value, unreadable };
}

/** The form checked by the contract: its output (what the PDF is generated from) or every issue, one per path. */
export function checkFilingForm(form: FilingForm): FormCheck<FilingFormValue> {
  const { value, unreadable } = contractShape(form);
  const checked = checkForm(filingFormSchema, value);
  const issues = firstPerPath(unreadable, checked.issues, missingFilingAttachments(value));
  return issues.length ? { ok: false, issues } : checked;
}

/** What the generated PDF was made from, comparable with the form now (a changed form needs a new PDF). */
export const formIdentity = (value: FilingFormValue | null): string | null => (value ? canonicalize(value) : null);

const cut = (s: string) => s.slice(0, 500);
const cutParty = (x: PartyForm) => ({ name: cut(x.name), uscc: cut(x.uscc) });

/** The server-side draft: the form so far in contract field names (unchecked). */
export function serverDraft(form: FilingForm): FilingDraftForm {
  const p = form.project;
  const area = readArea(p.floorArea);
  return {
    contact: { name: cut(form.contact.name), mobile: cut(form.contact.mobile), email: cut(form.contact.email) },
    project: {
      name: cut(p.name),
      address: cut(p.address),
      planningPermitNumber: cut(p.planningPermitNumber),
      structureType: p.structureType,
      floorAreaM2: typeof area === 'number' ? area : null,
      costFen: yuanToFen(p.cost),
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      constructionUnit: cutParty(p.constructionUnit),
      contractor: cutParty(p.contractor),
      hasSupervisor: p.hasSupervisor,
      supervisor: cutParty(p.supervisor),
      contractNumber: cut(p.contractNumber),
      projectManager: { name: cut(p.projectManager.name), mobile: cut(p.projectManager.mobile) },
    },
    attachments: allFiles(form.attachments).slice(0, 30).map(digest),
  };
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const partyOf = (v: unknown): PartyForm => ({ name: str(obj(v).name), uscc: str(obj(v).uscc) });

/** The server's files per material (it keeps hashes, not names: named `<first 8 hex>.<type>` until the desk's names are put back). */
function attachmentsOf(v: unknown): FilingForm['attachments'] {
  const out: FilingForm['attachments'] = {};
  for (const a of Array.isArray(v) ? v : []) {
    const r = obj(a);
    const req = r.requirement as FilingRequirement;
    if (!(req in filingRequirements) || typeof r.sha256 !== 'string' || typeof r.size !== 'number' || typeof r.mediaType !== 'string') continue;
    if (out[req]?.some((f) => f.sha256 === r.sha256)) continue;
    const ext = r.mediaType === 'application/pdf' ? 'pdf' : r.mediaType === 'image/png' ? 'png' : 'jpg';
    out[req] = [...(out[req] ?? []), { requirement: req, sha256: r.sha256, size: r.size, mediaType: r.mediaType as AttachmentRef['mediaType'], fileName: `${r.sha256.slice(0, 8)}.${ext}` }];
  }
  return out;
}

/** A form from the server (a draft, or the last submitted payload of a returned filing), for editing. */
export function filingFormFromContract(raw: Record<string, unknown>): FilingForm {
  const c = obj(raw.contact);
  const p = obj(raw.project);
  const supervisor = p.supervisor === null || p.supervisor === undefined ? null : partyOf(p.supervisor);
  const hasSupervisor = typeof p.hasSupervisor === 'boolean' ? p.hasSupervisor : supervisor !== null && supervisor.name !== '';
  const manager = obj(p.projectManager);
  return {
    contact: { name: str(c.name), mobile: str(c.mobile), email: str(c.email) },
    project: {
      name: str(p.name),
      address: str(p.address),
      planningPermitNumber: str(p.planningPermitNumber),
      structureType: STRUCTURE_TYPES.includes(p.structureType as StructureType) ? (p.structureType as StructureType) : '',
      floorArea: typeof p.floorAreaM2 === 'number' ? String(p.floorAreaM2) : '',
      cost: typeof p.costFen === 'number' ? fenToYuanText(p.costFen) : '',
      plannedStart: str(p.plannedStart),
      plannedEnd: str(p.plannedEnd),
      constructionUnit: partyOf(p.constructionUnit),
      contractor: partyOf(p.contractor),
      hasSupervisor,
      supervisor: supervisor ?? party(),
      contractNumber: str(p.contractNumber),
      projectManager: { name: str(manager.name), mobile: str(manager.mobile) },
    },
    attachments: attachmentsOf(raw.attachments),
  };
}

/** The typed form's value at a contract path (`project.costFen` is typed as `cost`), comparable as a string. */
function typedValueAt(form: FilingForm, path: string): string {
  if (path.startsWith('attachments.')) return (form.attachments[path.slice('attachments.'.length) as FilingRequirement] ?? []).map((a) => a.sha256).join(',');
  if (path === 'project.supervisor') return JSON.stringify([form.project.hasSupervisor, form.project.supervisor]);
  const typed = path.replace(/\.floorAreaM2$/, '.floorArea').replace(/\.costFen$/, '.cost');
  let at: unknown = form;
  for (const key of typed.split('.')) at = at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return JSON.stringify(at ?? null);
}

/**
 * The reviewer's comments (by contract path) the clerk has not yet answered: the field or material is still as it
 * was returned. The desk marks those as problems (problems.ts) and lists them; a changed field keeps its comment
 * beside it, unmarked.
 */
export function unansweredComments(comments: Readonly<Record<string, string>>, returned: FilingForm, now: FilingForm): Set<string> {
  return new Set(Object.keys(comments).filter((path) => typedValueAt(returned, path) === typedValueAt(now, path)));
}
