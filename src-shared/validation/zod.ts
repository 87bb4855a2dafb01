/**
 * zod 4 schemas for the identifier validators, so the server (route and client-API contracts) and the forms apply
 * the very same rule and report the very same error code.
 *
 * Each schema accepts a string, normalises it (trim, full-width → half-width, upper-case; for mobiles also drops
 * the +86 prefix, spaces and hyphens) and outputs the normalised value. A rejected value produces one `custom`
 * issue whose `message` and `params.code` are the stable code (e.g. `USCC_CHECK_DIGIT`); the message catalogs turn
 * that code into zh-CN / English text and a hint, so no human-language text is produced here.
 *
 * Normalisation uses `.overwrite()` rather than `.transform()`: the schema's input and output stay `string`, and
 * `z.toJSONSchema()` (from which the server's OpenAPI document is generated) still works.
 */
import { z } from 'zod';

import { parseMobile } from './mobile';
import { parseResidentId, type ResidentIdOptions } from './resident-id';
import { parseUscc } from './uscc';

type Parser<C extends string> = (input: string) => { readonly ok: true; readonly value: string } | { readonly ok: false; readonly code: C };

/** The stable validation code a schema in this module put on an issue, if any. */
export function validationCodeOf(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'custom') return undefined;
  const code: unknown = issue.params?.['code'];
  return typeof code === 'string' ? code : undefined;
}

export function codeSchema<C extends string>(parse: Parser<C>, description: string): z.ZodString {
  return z
    .string()
    .overwrite((input) => {
      const parsed = parse(input);
      return parsed.ok ? parsed.value : input;
    })
    .superRefine((value, ctx) => {
      const parsed = parse(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.code, params: { code: parsed.code }, input: value });
    })
    .meta({ description });
}

/** Unified Social Credit Code (GB 32100-2015); outputs the normalised 18 characters. Codes: `USCC_*`. */
export const usccSchema = codeSchema(parseUscc, 'Unified Social Credit Code (GB 32100-2015), 18 characters');

/**
 * Resident ID number (GB 11643-1999) checked against a clock of your choice; `now` is read at every parse.
 * Outputs the normalised 18 characters (upper-case X). Codes: `ID_*`.
 */
export function makeResidentIdSchema(options: { readonly now?: () => Date } = {}): z.ZodString {
  const { now } = options;
  const parse = (input: string) => {
    const opts: ResidentIdOptions = now ? { today: now() } : {};
    return parseResidentId(input, opts);
  };
  return codeSchema(parse, 'Resident identity card number (GB 11643-1999), 18 characters');
}

/** Resident ID number (GB 11643-1999) against the current date. Codes: `ID_*`. */
export const residentIdSchema = makeResidentIdSchema();

/**
 * Mainland mobile number; outputs the bare 11 digits. Code: `MOBILE_FORMAT`. Well-formed is not owned: the number
 * still has to be confirmed with an SMS code.
 */
export const mobileSchema = codeSchema(parseMobile, 'Mainland China mobile number, 11 digits');
