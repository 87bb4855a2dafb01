import type { Route } from '../../state/router';
import ApplicationDetailPage from './ApplicationDetailPage';
import ApplicationsPage from './ApplicationsPage';
import SubsidyFormPage from './SubsidyFormPage';
import SubsidyGuidePage from './SubsidyGuidePage';

/** The subsidy's screens, loaded together as one lazy chunk the first time one of them opens. */
export default function SubsidyScreens({ route }: { route: Route }) {
  switch (route) {
    case 'subsidy-guide':
      return <SubsidyGuidePage />;
    case 'subsidy-form':
      return <SubsidyFormPage />;
    case 'subsidy-list':
      return <ApplicationsPage />;
    case 'subsidy-detail':
      return <ApplicationDetailPage />;
    default:
      return null;
  }
}
