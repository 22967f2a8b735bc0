import { startFakePaystack } from "@omnify/fake-paystack";

/**
 * Without PAYSTACK_SECRET_KEY, `npm start` runs the local fake Paystack in this process so
 * NGN split payments work offline: its pay page's Pay button sends signed `charge.success`
 * webhooks to the web app. With a key, nothing starts and the real Paystack is used.
 */
export async function startDevPaystack(env: NodeJS.ProcessEnv, webPort: number) {
  if (env.PAYSTACK_SECRET_KEY) return { env: {}, close: async () => {} };
  const secretKey = "sk_test_omnify_dev_paystack";
  const fake = await startFakePaystack({
    webhook: { url: `http://localhost:${webPort}/api/paystack/webhook`, secretKey },
  });
  console.log(`[omnify] fake Paystack on ${fake.url} (PAYSTACK_SECRET_KEY is unset)`);
  return {
    env: { PAYSTACK_SECRET_KEY: secretKey, PAYSTACK_API_BASE: fake.url },
    close: () => fake.close(),
  };
}
