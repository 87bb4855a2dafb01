/** Attachment bytes fetched with the reviewer's bearer token, as blob: URLs the console can show or save. */
import { downloadFileRoute } from '@shared/contract/http/files';
import { callBlob } from '../api';

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

export async function attachmentUrl(enterpriseId: string, sha256: string, mediaType: string): Promise<string> {
  return URL.createObjectURL(await callBlob(downloadFileRoute, { enterpriseId, sha256 }, mediaType));
}

export async function saveAttachment(enterpriseId: string, sha256: string, mediaType: string, name: string): Promise<void> {
  saveUrl(await attachmentUrl(enterpriseId, sha256, mediaType), mediaType, name);
}

/** Saves a blob: URL under `name` with the extension of its type, and revokes it a little later. */
export function saveUrl(url: string, mediaType: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = `${name}.${EXTENSIONS[mediaType] ?? 'bin'}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
