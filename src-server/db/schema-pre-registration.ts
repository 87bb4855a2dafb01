/** Table types of migration 0007 (online pre-registration), merged into `Database` like schema-subsidy.ts. */
import type { PreRegistrationStatus } from '@shared/contract/http/pre-registration';

export interface PreRegistrationTable {
  id: string;
  /** What the clerk quotes on the phone (YZ + 10 characters). */
  reference: string;
  /** SHA-256 of the client's access secret. */
  secret_hash: string;
  /** Of the latest submission as received: a resend of it answers the same request. */
  payload_sha256: string;
  uscc: string;
  /** The USCC while waiting for staff (submitted, resubmitted), else NULL: unique, one request under review. */
  pending_uscc: string | null;
  enterprise_name: string;
  status: PreRegistrationStatus;
  /** The latest revision's `preRegistrationFormSchema` output and attachments (JSON). */
  form_json: string;
  attachments_json: string;
  administrator_mobile: string;
  refusal_reason: string | null;
  revision: number;
  enterprise_id: string | null;
  submitted_at: string;
  updated_at: string;
}

export interface PreRegistrationEventTable {
  id: string;
  pre_registration_id: string;
  revision: number;
  action: 'submit' | 'refuse' | 'resubmit' | 'approve';
  actor_type: 'anonymous' | 'staff';
  actor_id: string | null;
  reason: string | null;
  /** The form and attachments of a submit / resubmit, as they were. */
  form_json: string | null;
  attachments_json: string | null;
  at: string;
}

declare module './schema' {
  interface Database {
    pre_registrations: PreRegistrationTable;
    pre_registration_events: PreRegistrationEventTable;
  }
}
