"use client";

import type { AppRouter } from "@omnify/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useState } from "react";
import superjson from "superjson";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Server-rendered pages already show fresh data; avoid an immediate refetch storm.
      queries: { staleTime: 30_000, retry: 1 },
    },
  });
}

/**
 * tRPC + TanStack Query for client components. The URL is relative on purpose: every
 * tenant host talks to its own origin, so the session cookie (host-only) goes along and
 * the server resolves the tenant from the same Host it was signed in on.
 */
export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          // Mutations without it are refused (CSRF; see platform/api/src/csrf.ts).
          headers: { "x-omnify-csrf": "1" },
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
