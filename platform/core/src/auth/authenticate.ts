import { type AppDatabase, eq, sql, users } from "@omnify/db";
import { hashPassword, verifyPassword } from "./password";
import { publicUserColumns } from "./user-columns";

export type AuthenticatedUser = {
  id: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
};

type LoginRow = { id: string; name: string; password_hash: string | null };

// Verifying against a real hash when the user is unknown (or has no password) makes both
// cases take as long as a wrong password, so response time does not reveal who has an account.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword("omnify-timing-equaliser");
  return dummyHash;
};

/**
 * The user for these credentials, or null; never says which half was wrong. Every path
 * runs exactly one password verification, which is what keeps the timing uniform.
 */
export async function authenticate(
  db: AppDatabase,
  credentials: { email: string; password: string },
  verify: typeof verifyPassword = verifyPassword,
): Promise<AuthenticatedUser | null> {
  const email = credentials.email.trim();
  if (email.length === 0 || email.length > 320) {
    await verify(await getDummyHash(), credentials.password);
    return null;
  }
  const [row] = await db.withoutTenant((tx) =>
    tx.execute<LoginRow>(sql`select id, name, password_hash from app.user_for_login(${email})`),
  );
  if (!row?.password_hash) {
    await verify(await getDummyHash(), credentials.password);
    return null;
  }
  if (!(await verify(row.password_hash, credentials.password))) return null;

  // The user row is visible to its own user, so read the canonical e-mail as them.
  const [user] = await db.withoutTenant(
    (tx) => tx.select(publicUserColumns).from(users).where(eq(users.id, row.id)),
    { userId: row.id },
  );
  return user ?? null;
}
