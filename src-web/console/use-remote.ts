/**
 * Data from the server for a screen: loads when `key` changes or on `reload()`, ignores answers that arrive after
 * the key moved on, and lets an action put the fresh value in place (`replace`) without another request.
 */
import { useCallback, useEffect, useState } from 'react';

interface Loaded<T> {
  key: string;
  data?: T;
  error?: unknown;
}

export function useRemote<T>(load: () => Promise<T>, key: string) {
  const [round, setRound] = useState(0);
  const [state, setState] = useState<Loaded<T> | null>(null);
  const current = `${key}#${round}`;

  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ key: current, data }),
      (error: unknown) => live && setState({ key: current, error }),
    );
    return () => {
      live = false;
    };
  }, [load, current]);

  const fresh = state?.key === current;
  return {
    data: state?.data,
    error: fresh ? state?.error : undefined,
    loading: !fresh,
    reload: useCallback(() => setRound((r) => r + 1), []),
    replace: useCallback((data: T) => setState({ key: current, data }), [current]),
  };
}
