/**
 * E-mail addresses as the account's contact: compared without regard to case (mail systems treat them so in
 * practice), and shown masked like mobiles — the first character of the local part and the whole domain.
 */
export const sameEmail = (a: string | null | undefined, b: string | null | undefined): boolean =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export function maskEmail(input: string): string {
  const at = input.lastIndexOf('@');
  if (at < 1) return '***';
  return `${input.slice(0, 1)}***${input.slice(at)}`;
}
