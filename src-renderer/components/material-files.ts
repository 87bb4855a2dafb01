/**
 * The list rules of a material's files (MaterialSlot.tsx), kept apart from React so they are tested without a
 * screen: the contract's per-material limit, a file once per material, the order as added.
 */
import type { AttachmentRef } from '@shared/contract/client-api';
import { MAX_FILES_PER_MATERIAL } from '@shared/contract/signing';

/** How many more files a material with `count` files (listed, waiting or sending) may take. */
export const roomFor = (count: number) => Math.max(0, MAX_FILES_PER_MATERIAL - count);

/** The list with `file` last; the same list (unchanged) when the material already has that file or is full. */
export function addFile(files: readonly AttachmentRef[], file: AttachmentRef): readonly AttachmentRef[] {
  if (files.some((f) => f.sha256 === file.sha256) || roomFor(files.length) === 0) return files;
  return [...files, file];
}
