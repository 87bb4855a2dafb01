/**
 * Table types of migration 0003 (disbursement and receipt), merged into `Database` like schema-subsidy.ts. Same
 * column conventions as schema.ts: text ids and ISO timestamps, integers, text JSON.
 */

export interface BankAccountTable {
  id: string;
  enterprise_id: string;
  bank_name: string;
  account_name: string;
  account_number: string;
  branch_name: string;
  cnaps_code: string;
  created_at: string;
  updated_at: string;
  /** Soft delete: a disbursement that chose the account keeps it. */
  deleted_at: string | null;
}

export interface FinanceContactTable {
  id: string;
  enterprise_id: string;
  name: string;
  mobile: string;
  phone: string;
  email: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The last receipt number given out in a China calendar year. */
export interface ReceiptCounterTable {
  year: number;
  last: number;
}

export interface DisbursementTable {
  application_id: string;
  enterprise_id: string;
  /** `TB<year><6 digits>`, assigned when finance opens the disbursement. */
  receipt_number: string;
  opened_at: string;
  opened_by: string;
  bank_account_id: string | null;
  /** The bank account as chosen (BankAccount JSON): later edits of the saved record do not change it. */
  bank_account_json: string | null;
  contact_id: string | null;
  contact_json: string | null;
  /** What the receipt said (ReceiptContent JSON), fixed when the PDF was generated or the receipt submitted. */
  receipt_content_json: string | null;
  stamped_sha256: string | null;
  stamped_source: 'pc' | 'phone' | null;
  stamped_submitted_at: string | null;
  return_reason: string | null;
  paid_at: string | null;
  updated_at: string;
}

export interface EmploymentCertificateTable {
  id: string;
  application_id: string;
  talent_index: number;
  /** 1, 2, … per talent: the highest is the latest. */
  seq: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface ReceiptLinkTable {
  id: string;
  application_id: string;
  enterprise_id: string;
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  token_hash: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  superseded_at: string | null;
  photo_sha256: string | null;
}

declare module './schema' {
  interface Database {
    bank_accounts: BankAccountTable;
    finance_contacts: FinanceContactTable;
    receipt_counters: ReceiptCounterTable;
    disbursements: DisbursementTable;
    employment_certificates: EmploymentCertificateTable;
    receipt_links: ReceiptLinkTable;
  }
}
