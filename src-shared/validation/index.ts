/**
 * Validators shared by the client, the server and the web pages: GB 32100 USCC and GB 11714 organisation codes,
 * GB 11643 resident ID numbers and the other identity documents, mainland mobile numbers, RFC 8785 canonical JSON, and zod schemas over them.
 * Pure TypeScript: no DOM, no Node built-ins.
 */
export * from './canonical-json';
export * from './identity-document';
export * from './mobile';
export * from './normalize';
export * from './resident-id';
export * from './uscc';
export * from './zod';
