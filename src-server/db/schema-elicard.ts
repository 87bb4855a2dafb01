/** Table types of migration 0022 (sessions opened by the e-licence), merged into `Database` like schema-elicence.ts. */

export interface ElicenceSessionTable {
  session_id: string;
  /** `qr`: confirmed in the licence mini-program; `card`: the card licence's key signed the login challenge. */
  via: 'qr' | 'card';
}

declare module './schema' {
  interface Database {
    elicence_sessions: ElicenceSessionTable;
  }
}
