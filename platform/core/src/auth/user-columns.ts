import { users } from "@omnify/db";

/** The user fields sign-in and sessions hand back: never the password hash. */
export const publicUserColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  isPlatformAdmin: users.isPlatformAdmin,
};
