import { z } from "zod";

/** The env variables @omnify/core reads; apps merge this fragment into their own env.ts. */
export const coreEnvSchema = z.object({
  PLATFORM_HOST: z.string().trim().toLowerCase().min(1).default("localhost"),
  OMNIFY_PUBLIC_SCHEME: z.enum(["http", "https"]).default("http"),
  // Empty means the scheme's default port, so links carry no ":port".
  OMNIFY_PUBLIC_PORT: z
    .string()
    .regex(/^(\d{1,5})?$/, "must be a port number or empty")
    .default("3000"),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Omnify <no-reply@omnify.localhost>"),
  OMNIFY_MAIL_OUTBOX: z.string().min(1).optional(),
});

export type CoreEnv = z.infer<typeof coreEnvSchema>;

export type CoreConfig = {
  platformHost: string;
  publicScheme: "http" | "https";
  /** "" means the scheme's default port. */
  publicPort: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  mailOutbox: string | undefined;
};

/** Validates the env fragment (throws a ZodError naming the variable) and shapes it. */
export function readCoreConfig(env: Record<string, string | undefined>): CoreConfig {
  const e = coreEnvSchema.parse(env);
  return {
    platformHost: e.PLATFORM_HOST,
    publicScheme: e.OMNIFY_PUBLIC_SCHEME,
    publicPort: e.OMNIFY_PUBLIC_PORT,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailOutbox: e.OMNIFY_MAIL_OUTBOX,
  };
}
