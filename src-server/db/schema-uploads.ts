/** Table types of migration 0006 (resumable uploads), merged into `Database` like schema-subsidy.ts. */
import type { ServiceItem } from '@shared/contract/http/route';

export interface UploadTokenTable {
  id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

/** `receiving` until the last byte; then `stored` (sha256 set) or `refused` (not PDF/JPEG/PNG, empty). */
export type UploadStatus = 'receiving' | 'stored' | 'refused';

export interface UploadTable {
  id: string;
  /** Enterprise uploads: the account that created it and its enterprise. */
  enterprise_id: string | null;
  account_id: string | null;
  /** Registration scans: the attempt's token. */
  token_id: string | null;
  item: ServiceItem | null;
  length: number;
  status: UploadStatus;
  sha256: string | null;
  created_at: string;
  completed_at: string | null;
}

declare module './schema' {
  interface Database {
    upload_tokens: UploadTokenTable;
    uploads: UploadTable;
  }
}
