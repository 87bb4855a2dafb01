import type { Route } from '../../state/router';
import FilingDetailPage from './FilingDetailPage';
import FilingFormPage from './FilingFormPage';
import FilingGuidePage from './FilingGuidePage';
import FilingListPage from './FilingListPage';

/** The construction filing's screens, one lazy chunk loaded the first time one of them opens. */
export default function FilingScreens({ route }: { route: Route }) {
  switch (route) {
    case 'filing-guide':
      return <FilingGuidePage />;
    case 'filing-form':
      return <FilingFormPage />;
    case 'filing-list':
      return <FilingListPage />;
    case 'filing-detail':
      return <FilingDetailPage />;
    default:
      return null;
  }
}
