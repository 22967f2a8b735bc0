/** The app's login role. Fixed so committed migrations can name it in policies and grants. */
export const APP_ROLE = "omnify_app";
export const DEFINER_ROLE = "omnify_definer";

/** Derives the app role's URL from the admin URL: same server and database, other login. */
export function appUrlFrom(adminUrl: string, appPassword: string): string {
  const url = new URL(adminUrl);
  url.username = APP_ROLE;
  url.password = appPassword;
  return url.toString();
}

/** The same server, another database (tests clone a template per file). */
export function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** A URL safe to print: the password is masked. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
