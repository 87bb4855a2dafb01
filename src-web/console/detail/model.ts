/** The application as the console holds it, and its signed form read with the contract's schema. */
import type { z } from 'zod';
import { subsidyPayloadSchema, type staffSubsidyApplicationSchema, type SubsidyPayload } from '@shared/contract/http/subsidy';

export type StaffApplication = z.infer<typeof staffSubsidyApplicationSchema>;

/** The latest signed form, or null when it does not read as one (then the raw form is shown). */
export function signedForm(app: StaffApplication): SubsidyPayload | null {
  const parsed = subsidyPayloadSchema.safeParse(app.form);
  return parsed.success ? parsed.data : null;
}

/** Changes of the latest resubmission, only while they matter to the reviewer. */
export function pendingChanges(app: StaffApplication) {
  return app.status === 'resubmitted' || app.status === 'accepted' ? app.changes : null;
}
