/**
 * `registration.submit`: the registration form and its scans' hashes, signed with the enterprise's key and sent
 * through the outbox (outbox.ts). The route is public (the enterprise has no account yet), so the entry needs no
 * session; a retry with the same idempotency key and form sends the envelope signed the first time, without a PIN.
 */
import type { ClientResults, RegistrationForm } from '@shared/contract/client-api';
import { REGISTRATION_PAYLOAD_TYPE, registrationPayloadSchema, registrationSubmitRoute, type RegistrationPayload } from '@shared/contract/http/registration';
import { inputInvalid, ok, type Result } from '@shared/contract/result';
import { canonicalBytes } from '@shared/validation/canonical-json';
import type { TokenClient } from '../token/token-client';
import type { Outbox, SubmissionKind } from './outbox';

/** The envelope and the attempt's upload token its scans were uploaded under (the server binds them). */
type RegistrationEnvelope = { payload: RegistrationPayload; cms: string; uploadToken: string };

export const registrationSubmission: SubmissionKind<RegistrationEnvelope> = {
  kind: 'registration',
  flow: 'caRegistration',
  needsSession: false,
  send: (portal, envelope) => portal.call(registrationSubmitRoute, { anonymous: true, body: envelope }),
};

export interface RegistrationSubmitInput {
  fingerprint: string;
  pin?: string;
  form: RegistrationForm;
  attachments: Array<{ requirement: string; sha256: string; size: number; mediaType: 'application/pdf' | 'image/jpeg' | 'image/png' }>;
  idempotencyKey: string;
}

type Submitted = ClientResults['registration']['submit'];

export function submitRegistration(outbox: Outbox, tokens: TokenClient, i: RegistrationSubmitInput, uploadToken: string): Promise<Result<Submitted>> {
  const attachments = i.attachments.map(({ requirement, sha256, size, mediaType }) => ({ requirement, sha256, size, mediaType }));
  return outbox.submit<Submitted, RegistrationEnvelope>(registrationSubmission, {
    idempotencyKey: i.idempotencyKey,
    content: { fingerprint: i.fingerprint, form: i.form, attachments },
    enterpriseId: null,
    sign: async () => {
      const draft = {
        type: REGISTRATION_PAYLOAD_TYPE,
        signedAt: new Date().toISOString(),
        idempotencyKey: i.idempotencyKey,
        attachments,
        caProfile: i.form.caProfile,
        enterprise: i.form.enterprise,
        administrator: { ...i.form.administrator, ...(i.form.administrator.email ? {} : { email: undefined }) },
      };
      const payload = registrationPayloadSchema.safeParse(draft);
      // Paths as the server would name them (`body.payload.enterprise.name`), so the form puts them beside its fields.
      if (!payload.success) return inputInvalid(payload.error, draft, ['body', 'payload']);
      // Sign exactly the bytes the server will canonicalise from what we send.
      const content = Buffer.from(canonicalBytes(payload.data)).toString('base64');
      const signed = await tokens.call('signCms', { cert: i.fingerprint, content, requireUscc: true, ...(i.pin !== undefined ? { pin: i.pin } : {}) });
      if (!signed.ok) return signed;
      return ok({ envelope: { payload: payload.data, cms: signed.value.cms, uploadToken }, label: i.form.enterprise.name });
    },
  });
}
