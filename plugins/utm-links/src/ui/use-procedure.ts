import type { PluginCall } from "@omnify/plugin-sdk/ui";
import { useCallback, useEffect, useState } from "react";

type State<T> = { data: T | null; error: string | null; loading: boolean };

/** Calls one of this plugin's procedures on mount (and on `reload`), tracking its state. */
export function useProcedure<T>(call: PluginCall, procedure: string, input?: unknown) {
  const [state, setState] = useState<State<T>>({ data: null, error: null, loading: true });
  const key = JSON.stringify(input ?? null);
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = (await call(procedure, JSON.parse(key))) as T;
      setState({ data, error: null, loading: false });
    } catch (e) {
      setState({ data: null, error: e instanceof Error ? e.message : String(e), loading: false });
    }
  }, [call, procedure, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { ...state, reload };
}
