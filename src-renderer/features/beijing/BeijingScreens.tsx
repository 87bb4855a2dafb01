import type { Route } from '../../state/router';
import { BeijingHome } from './BeijingHome';
import { BeijingLogin } from './BeijingLogin';
import { BeijingRegister } from './BeijingRegister';

/** The Beijing SME platform's screens (issue 16), one lazy chunk: sign-in, registration, 个人主页 with certification. */
export default function BeijingScreens({ route }: { route: Route }) {
  if (route === 'beijing-login') return <BeijingLogin />;
  if (route === 'beijing-register') return <BeijingRegister />;
  return <BeijingHome />;
}
