/** Staff console routes: registry import, staff accounts, the development SMS outbox. */
import { z } from 'zod';
import { FILE_MEDIA_TYPES, uploadedFileSchema } from './registration';
import { defineRoute, isoDateTimeSchema, staffRoleSchema, uuidSchema } from './route';
import { staffDuties } from './staff-duties';
import { UPLOAD_MAX_BYTES } from './uploads';

export const importRegistryRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/registry/import',
  operationId: 'importRegistry',
  summary: 'Imports legal-person registry rows from CSV (header: uscc,name,legalRepresentative,idType,idNumber,address,status)',
  tag: 'staff',
  access: { kind: 'staff', roles: staffDuties.portalAdministration },
  body: z.object({ csv: z.string().min(1).max(5 * 1024 * 1024) }),
  response: z.object({ imported: z.number().int(), updated: z.number().int() }),
});

export const createStaffRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/accounts',
  operationId: 'createStaffAccount',
  summary: 'Creates a staff account with an initial password to change at first login',
  tag: 'staff',
  access: { kind: 'staff', roles: staffDuties.portalAdministration },
  body: z.object({
    username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/),
    role: staffRoleSchema,
    initialPassword: z.string().min(1).max(256),
  }),
  response: z.object({ id: uuidSchema, username: z.string(), role: staffRoleSchema }),
});

export const smsOutboxRoute = defineRoute({
  method: 'GET',
  path: '/api/staff/sms-outbox',
  operationId: 'listSmsOutbox',
  summary: 'Messages the development SMS outbox stored instead of sending (newest first), passwords and codes masked',
  tag: 'staff',
  access: { kind: 'staff', roles: staffDuties.smsOutbox },
  query: z.object({ mobile: z.string().regex(/^1[3-9]\d{9}$/).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
  response: z.object({
    messages: z.array(z.object({ id: uuidSchema, mobile: z.string(), text: z.string(), createdAt: isoDateTimeSchema })),
  }),
});

export const staffResetAdminRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/enterprises/:enterpriseId/admin-password-reset',
  operationId: 'staffResetAdminPassword',
  summary: 'Support resets an enterprise\u2019s admin password (manual 001 Q&A 3): new initial password by SMS to the admin\u2019s own mobile (masked in the answer; staff never see it)',
  tag: 'staff',
  access: { kind: 'staff', roles: staffDuties.adminPasswordReset },
  params: z.object({ enterpriseId: uuidSchema }),
  response: z.object({ mobile: z.string() }),
});

/**
 * The console's one upload (a scan the staff member made at the counter, later any console upload): the file as the
 * raw body, typed by content (PDF, JPEG, PNG), stored by SHA-256 and recorded as this staff member's upload, so a
 * later request may name it only if its own staff member uploaded it. One request: scans at the counter are
 * small and the line is the hall's LAN, unlike the desktop's resumable uploads over tus.
 */
export const staffUploadRoute = defineRoute({
  method: 'POST',
  path: '/api/staff/uploads',
  operationId: 'staffUpload',
  summary: 'Uploads one file (PDF, JPEG or PNG, at most 25 MB) as the signed-in staff member\u2019s',
  tag: 'staff',
  access: { kind: 'staff' },
  rawBody: { mediaTypes: FILE_MEDIA_TYPES, maxBytes: UPLOAD_MAX_BYTES },
  response: uploadedFileSchema,
});
