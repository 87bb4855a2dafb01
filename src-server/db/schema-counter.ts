/** Table types of migration 0008 (counter registration, console uploads), merged into `Database` like schema-uploads.ts. */
import type { VisitorKind } from '@shared/contract/http/counter-registration';

export interface StaffUploadTable {
  id: string;
  staff_id: string;
  sha256: string;
  created_at: string;
}

export interface CounterRegistrationTable {
  id: string;
  enterprise_id: string;
  /** The staff member who registered it at the counter. */
  staff_id: string;
  visitor_kind: VisitorKind;
  agent_name: string | null;
  agent_id_number: string | null;
  /** `{ type, number, country? }` as the contract normalised it. */
  legal_representative_document_json: string;
  /** The originals ticked off, e.g. `["agreement","agentId",…]`. */
  checklist_json: string;
  agreement_sha256: string;
  authorisation_letter_sha256: string | null;
  /** What the registry said (`RegistryFinding[]`); empty when it matched. */
  registry_findings_json: string;
  /** 1 when the clerk registered despite findings. */
  registry_override: number;
  created_at: string;
}

declare module './schema' {
  interface Database {
    staff_uploads: StaffUploadTable;
    counter_registrations: CounterRegistrationTable;
  }
}
