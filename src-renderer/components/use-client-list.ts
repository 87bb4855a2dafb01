import { useCallback, useEffect, useState } from 'react';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { AppError, Result } from '@shared/contract/result';
import { call } from '../platform';

/**
 * A list screen's data from the client API: loaded on opening and on `load()` (the 刷新 button, an error's retry).
 * `rows` stays null until the first answer. (An expired session is the shell's: main's `session.expired`.)
 * `invoke` must be stable (declared at module level): a new one loads again.
 */
export function useClientList<T>(invoke: (api: TongbanClientApi) => Promise<Result<T[]>>) {
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    const r = await call(invoke);
    setLoading(false);
    if (r.ok) setRows(r.value);
    else setError(r.error);
  }, [invoke]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the list once on opening
    void load();
  }, [load]);
  return { rows, error, loading, load };
}
