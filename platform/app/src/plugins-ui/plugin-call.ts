import type { PluginCall } from "@omnify/plugin-sdk/ui";

type Mutation = { mutate(input: unknown): Promise<unknown> };

/**
 * `call(procedure, input)` for a slot: the tRPC mutation `plugins.invoke` (a procedure may have
 * effects, so not a query). Reached by name rather than through AppRouter's types so this
 * file does not depend on when the plugins router lands; the server validates the input.
 */
export function createPluginCall(trpcClient: unknown, pluginId: string): PluginCall {
  // tRPC reserves `call` as a router key, hence `invoke`.
  const invoke = (trpcClient as { plugins: { invoke: Mutation } }).plugins.invoke;
  return (procedure, input) => invoke.mutate({ pluginId, procedure, input: input ?? null });
}
