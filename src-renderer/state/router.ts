import { create } from 'zustand';

/**
 * In-app navigation: a handful of screens, no URLs to share, so the route is plain state. `back()` returns from
 * the self-check page to wherever the clerk came from (the CA login tab, the registration wizard).
 */
export type Route =
  | 'login'
  | 'change-password'
  | 'home'
  | 'registration'
  | 'registration-start'
  | 'pre-registration'
  | 'self-check'
  | 'settings'
  | 'accounts'
  | 'subsidy-guide'
  | 'subsidy-form'
  | 'subsidy-list'
  | 'subsidy-detail'
  | 'disbursement-list'
  | 'disbursement-detail'
  // Password recovery and the account's own contacts (issue 13).
  | 'forgot-password'
  | 'security'
  // Legacy hub accounts (features/legacy).
  | 'legacy-login'
  | 'legacy-home'
  // Requests to the portal staff (features/account-requests).
  | 'account-request'
  | 'account-requests'
  // 小型建设工程开工备案 (features/filing).
  | 'filing-guide'
  | 'filing-form'
  | 'filing-list'
  | 'filing-detail'
  // The Beijing SME platform (features/beijing, issue 16).
  | 'beijing-login'
  | 'beijing-register'
  | 'beijing-home'
  // The first start's choice of portal (features/portals).
  | 'portal-choice';

interface RouterState {
  route: Route;
  previous: Route | null;
  go(route: Route): void;
  back(fallback: Route): void;
}

export const useRouter = create<RouterState>((set, get) => ({
  route: 'login',
  previous: null,
  go: (route) => {
    const current = get().route;
    if (current !== route) set({ route, previous: current });
  },
  back: (fallback) => {
    const { previous, route } = get();
    set({ route: previous ?? fallback, previous: route });
  },
}));
