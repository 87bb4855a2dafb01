/**
 * The password policy: 10–64 characters, at least three of four character classes, not containing the username.
 * One code (`PASSWORD_POLICY`) whose message states the whole rule, so the form can show it before the user types.
 */
export function passwordMeetsPolicy(password: string, username: string): boolean {
  if (password.length < 10 || password.length > 64) return false;
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) return false;
  return !(username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()));
}
