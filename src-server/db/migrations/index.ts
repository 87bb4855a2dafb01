/**
 * The migrations, in order. Listed by hand rather than read from the folder because the server is bundled into
 * one file by esbuild; the name is the file name, which Kysely records in its migration table.
 */
import type { Migration } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-subsidy';
import * as m0003 from './0003-disbursement';
import * as m0004 from './0004-certificate-renewal';
import * as m0005 from './0005-housekeeping';
import * as m0006 from './0006-uploads';
import * as m0007 from './0007-pre-registration';
import * as m0008 from './0008-counter-registration';
import * as m0009 from './0009-legacy-accounts';
import * as m0010 from './0010-account-recovery';
import * as m0011 from './0011-account-roles';
import * as m0012 from './0012-requests';
import * as m0013 from './0013-trust-limits';
import * as m0014 from './0014-staff-duties';
import * as m0018 from './0018-elicence';
import * as m0019 from './0019-filing';
import * as m0020 from './0020-trust-care';
import * as m0022 from './0022-elicard';
import * as m0024 from './0024-beijing';
import * as m0026 from './0026-ops';

export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-subsidy': m0002,
  '0003-disbursement': m0003,
  '0004-certificate-renewal': m0004,
  '0005-housekeeping': m0005,
  '0006-uploads': m0006,
  '0007-pre-registration': m0007,
  '0008-counter-registration': m0008,
  '0009-legacy-accounts': m0009,
  '0010-account-recovery': m0010,
  '0011-account-roles': m0011,
  '0012-requests': m0012,
  '0013-trust-limits': m0013,
  '0014-staff-duties': m0014,
  '0018-elicence': m0018,
  '0019-filing': m0019,
  '0020-trust-care': m0020,
  '0022-elicard': m0022,
  '0024-beijing': m0024,
  '0026-ops': m0026,
};
