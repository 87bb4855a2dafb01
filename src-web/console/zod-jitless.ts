// The console's CSP has no 'unsafe-eval'. zod probes `new Function` when the first schema is built, which the
// browser reports as a CSP violation on every load; jitless mode skips the probe. Imported first by main.tsx,
// before any module that defines a schema.
import { z } from 'zod';

z.config({ jitless: true });
