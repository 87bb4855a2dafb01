// `node tools/simulated-licence/main.mjs`: SimulatedLicenceService on SIMULATED_LICENCE_PORT (8790), licences from
// SIMULATED_LICENCE_FILE (the demo file beside this one), secret TONGBAN_ELICENCE_SECRET (shared with the server).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulatedLicenceService, loadLicences } from './service.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const secret = process.env.TONGBAN_ELICENCE_SECRET;
if (!secret || secret.length < 32) {
  console.error('[SimulatedLicenceService] TONGBAN_ELICENCE_SECRET (at least 32 characters) is required');
  process.exit(2);
}
const service = createSimulatedLicenceService({
  data: loadLicences(process.env.SIMULATED_LICENCE_FILE ?? path.join(here, 'simulated-licences.json')),
  secret,
  origin: process.env.SIMULATED_LICENCE_ORIGIN,
});
await service.listen(Number(process.env.SIMULATED_LICENCE_PORT ?? 8790), process.env.SIMULATED_LICENCE_HOST ?? '127.0.0.1');
