import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { useCallback, useEffect, useState } from "react";

type State<T> = { data: T | null; error: string | null; loading: boolean };

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Loads a procedure's result on mount and whenever `input` changes; `reload` refetches. */
export function useProcedure<T>(call: PluginCall, procedure: string, input?: unknown) {
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: true });
  const key = JSON.stringify(input ?? {});
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = (await call(procedure, JSON.parse(key))) as T;
      setState({ data, error: null, loading: false });
    } catch (e) {
      setState((s) => ({ data: s.data, error: message(e), loading: false }));
    }
  }, [call, procedure, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}

/** Runs a procedure on demand (a form's submit), tracking busy and the server's error. */
export function useAction<T>(call: PluginCall, procedure: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (input: unknown): Promise<T | null> => {
      setBusy(true);
      setError(null);
      try {
        return (await call(procedure, input)) as T;
      } catch (e) {
        setError(message(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [call, procedure],
  );
  return { run, busy, error, setError };
}
