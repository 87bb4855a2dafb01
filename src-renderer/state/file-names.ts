import type { AttachmentRef } from '@shared/contract/client-api';

/**
 * File names as the clerk put the files in (the server keeps only hashes), by slot and SHA-256
 * (`attachments.businessLicence#<sha>`): a name belongs to the slot the file was put in (issue 21 item 4), so one
 * file in two slots keeps both names. Kept in the local store after submission, so a returned application or
 * filing shows its files by the names they were filed with. The subsidy's form has a slot per talent; a filing's
 * has one (`attachments`).
 */
export type FileNames = Record<string, string>;
export type SlotFiles = Partial<Record<string, AttachmentRef[]>>;

const nameKey = (slot: string, requirement: string, sha256: string) => `${slot}.${requirement}#${sha256}`;

/** The names the slots' files carry, over `known` ones. */
export function namesOfSlots(slots: ReadonlyArray<readonly [string, SlotFiles]>, known: FileNames = {}): FileNames {
  const out = { ...known };
  for (const [slot, files] of slots) for (const [r, list] of Object.entries(files)) for (const a of list ?? []) out[nameKey(slot, r, a.sha256)] = a.fileName;
  return out;
}

/** Names the files of one slot as the clerk named them there; else as the same file was named in another slot. */
export function namedSlot<F extends SlotFiles>(slot: string, files: F, names: FileNames): F {
  const bySha = new Map<string, string>();
  for (const [key, name] of Object.entries(names)) bySha.set(key.slice(key.lastIndexOf('#') + 1), name);
  return Object.fromEntries(
    Object.entries(files).map(([r, list]) => [r, (list ?? []).map((a) => ({ ...a, fileName: names[nameKey(slot, r, a.sha256)] ?? bySha.get(a.sha256) ?? a.fileName }))]),
  ) as F;
}
