import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './errors';

export type QueryState<T> =
  { status: 'loading'; data?: T } | { status: 'error'; error: ApiError; data?: T } | { status: 'ready'; data: T };

/** A small read hook: load on mount and when `key` changes, reload on demand; no cache on purpose. */
export function useQuery<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data }));
    load(controller.signal)
      .then((data) => !controller.signal.aborted && setState({ status: 'ready', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError) setState((previous) => ({ status: 'error', error, data: previous.data }));
        else
          setState({
            status: 'error',
            error: new ApiError({ statusCode: 0, code: 'CLIENT', message: { ja: String(error), en: String(error) } }),
          });
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names what `load` fetches
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload, setData: (data: T) => setState({ status: 'ready', data }) };
}
