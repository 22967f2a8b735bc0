import "next-auth/jwt";

// Our JWT carries nothing but the opaque server-side session token.
declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
