import type { Route } from '../../state/router';
import DisbursementDetailPage from './DisbursementDetailPage';
import DisbursementListPage from './DisbursementListPage';

/** The disbursement's screens, loaded together as one lazy chunk the first time one of them opens. */
export default function DisbursementScreens({ route }: { route: Route }) {
  switch (route) {
    case 'disbursement-list':
      return <DisbursementListPage />;
    case 'disbursement-detail':
      return <DisbursementDetailPage />;
    default:
      return null;
  }
}
