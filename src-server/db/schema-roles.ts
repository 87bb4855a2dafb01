/** Table types of migration 0011 (account status; several accounts per certificate), merged into schema.ts's types. */

/** `deactivated` can be reactivated; `removed` is final (an administrator or handler taken away). */
export type AccountStatus = 'active' | 'deactivated' | 'removed';

declare module './schema' {
  interface AccountTable {
    status: AccountStatus;
  }
}
