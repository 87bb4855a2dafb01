/**
 * The platform's password policy, checked as the clerk types so each rule can be ticked off. The server applies
 * the same rule (src-server/domain/password-policy.ts) and has the final word (PASSWORD_POLICY).
 */
export interface PasswordChecks {
  length: boolean;
  classes: boolean;
  notUsername: boolean;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 64;

export function passwordChecks(password: string, username: string): PasswordChecks {
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return {
    length: password.length >= PASSWORD_MIN && password.length <= PASSWORD_MAX,
    classes: classes >= 3,
    notUsername: !(username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())),
  };
}

export function meetsPolicy(password: string, username: string): boolean {
  const c = passwordChecks(password, username);
  return c.length && c.classes && c.notUsername;
}
