/** Two places in the console, kept in the URL hash so reload and the back button work: the queue, one application. */
import { useSyncExternalStore } from 'react';

export type ConsoleRoute = { name: 'queue' } | { name: 'application'; id: string };

function parse(hash: string): ConsoleRoute {
  const m = /^#\/applications\/([0-9a-fA-F-]{36})$/.exec(hash);
  return m?.[1] ? { name: 'application', id: m[1] } : { name: 'queue' };
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): ConsoleRoute {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export const applicationHref = (id: string) => `#/applications/${id}`;
export const queueHref = '#/';
