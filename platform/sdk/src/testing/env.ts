/** The one place the harness reads the environment (see CONVENTIONS: one env.ts). */
export const testEnv = {
  /** Set by the repo's vitest global setup (or `npm test`) to a running PostgreSQL cluster. */
  adminUrl: (): string | undefined => process.env.OMNIFY_TEST_ADMIN_URL || undefined,
  /** Published so `createTestDatabase()` in this process finds a cluster the harness started. */
  setAdminUrl: (url: string): void => {
    process.env.OMNIFY_TEST_ADMIN_URL = url;
  },
};
