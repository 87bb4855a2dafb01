/**
 * `preRegistration.*` of window.tongban: online pre-registration has no account until staff approve it, so main
 * keeps the request's id and access secret in the local store (the renderer never sees the secret) and reads the
 * status with it, also after a restart. The secret is made before the first send and reused for a resend of the
 * same submission, which the server answers with the same request (its idempotency key); a submission the server
 * refused gets a new one. A refused request is corrected with the same secret (`PUT`).
 */
import { randomBytes } from 'node:crypto';
import type { AttachmentRef, ClientResults, PreRegistrationDraftForm, RegistrationForm } from '@shared/contract/client-api';
import {
  preRegistrationFormSchema,
  resubmitPreRegistrationRoute,
  submitPreRegistrationRoute,
  viewPreRegistrationRoute,
  type PreRegistrationRequirement,
} from '@shared/contract/http/pre-registration';
import { inputInvalid, ok, type Result } from '@shared/contract/result';
import type { LocalStore } from './local-store';
import type { PortalClient } from './portal-client';
import type { RegistrationWay } from './registration-forms';

/** The kept request: `id` is null while its first send has not been answered. */
interface Kept {
  id: string | null;
  secret: string;
}
const KEPT = 'preRegistration';

export interface PreRegistrationContext {
  portal(): PortalClient;
  store(): Pick<LocalStore, 'getSetting' | 'setSetting'>;
  /** The attempt's upload token the scans went under (upload-services.ts), and its end once the request exists. */
  uploadToken(): string | null;
  endUploadAttempt(): void;
  print(form: RegistrationForm, way: RegistrationWay): Promise<Uint8Array>;
}

type R = ClientResults['preRegistration'];

/** The forms the clerk stamps are the CA registration's, filled from the pre-registration (legal representative's name). */
const asRegistrationForm = (f: PreRegistrationDraftForm): RegistrationForm => ({
  caProfile: 'unknown',
  enterprise: { ...f.enterprise, legalRepresentative: f.legalRepresentative.name },
  administrator: f.administrator,
});

/** The server answered with a refusal (not a dropped line): a later submission is a new one. */
const answered = (r: Result<unknown>) => !r.ok && !r.error.retriable;

export function preRegistrationHandlers(ctx: PreRegistrationContext) {
  const kept = () => ctx.store().getSetting<Kept | null>(KEPT) ?? null;
  const keep = (k: Kept | null) => ctx.store().setSetting(KEPT, k);

  return {
    'preRegistration.printForms': async (i: { form: PreRegistrationDraftForm }): Promise<Result<R['printForms']>> => {
      const pdf = await ctx.print(asRegistrationForm(i.form), 'preRegistration');
      return ok({ pdf: Buffer.from(pdf).toString('base64'), fileName: `通办-线上预注册表单-${i.form.enterprise.uscc || 'draft'}.pdf` });
    },

    'preRegistration.submit': async (i: { form: PreRegistrationDraftForm; attachments: AttachmentRef[] }): Promise<Result<R['submit']>> => {
      const email = i.form.administrator.email?.trim();
      const { email: _typed, ...administrator } = i.form.administrator;
      const typed = { ...i.form, administrator: email ? { ...administrator, email } : administrator };
      const form = preRegistrationFormSchema.safeParse(typed);
      if (!form.success) return inputInvalid(form.error, typed, ['body', 'form']);
      const attachments = i.attachments.map(({ requirement, sha256, size, mediaType }) => ({ requirement: requirement as PreRegistrationRequirement, sha256, size, mediaType }));
      const current = kept() ?? { id: null, secret: randomBytes(32).toString('base64url') };
      keep(current);
      const body = { secret: current.secret, uploadToken: ctx.uploadToken() ?? '', form: form.data, attachments };
      const r = current.id
        ? await ctx.portal().call(resubmitPreRegistrationRoute, { anonymous: true, params: { preRegistrationId: current.id }, body })
        : await ctx.portal().call(submitPreRegistrationRoute, { anonymous: true, body });
      if (r.ok) {
        keep({ id: r.value.preRegistrationId, secret: current.secret });
        ctx.endUploadAttempt();
      } else if (!current.id && answered(r)) keep(null);
      return r;
    },

    'preRegistration.status': async (): Promise<Result<R['status']>> => {
      const k = kept();
      if (!k?.id) return ok(null);
      const r = await ctx.portal().call(viewPreRegistrationRoute, { anonymous: true, params: { preRegistrationId: k.id }, body: { secret: k.secret } });
      // Gone from the server (another server configured, the database reset): nothing left to follow.
      if (!r.ok && r.error.code === 'NOT_FOUND') {
        keep(null);
        return ok(null);
      }
      return r;
    },

    'preRegistration.forget': async (): Promise<Result<R['forget']>> => {
      const had = kept() !== null;
      keep(null);
      return ok({ forgotten: had });
    },
  };
}
