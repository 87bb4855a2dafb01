import type { Route } from '../../state/router';
import { LegacyHome } from './LegacyHome';
import { LegacyLogin } from './LegacyLogin';

/** The legacy hub account's screens, one lazy chunk: sign-in, and the restricted home with the upgrade. */
export default function LegacyScreens({ route }: { route: Route }) {
  return route === 'legacy-login' ? <LegacyLogin /> : <LegacyHome />;
}
