type Welcome = {
  webPort: number;
  realtimePort: number;
  database: string;
  mailOutbox: string;
  demoPassword: string;
};

/** Prints where everything is and who can sign in, read from the demo tenant files. */
export async function printWelcome(w: Welcome): Promise<void> {
  const { demoSignIns } = await import("@omnify/tenants-config");
  const url = (host: string) => `http://${host}:${w.webPort}`;
  const lines = ["", "Omnify is running.", `  platform        ${url("localhost")}`];
  for (const entry of demoSignIns()) {
    lines.push(`  ${entry.label.padEnd(15)} ${url(entry.host)}   ${entry.email}`);
  }
  lines.push(
    `  password        ${w.demoPassword} (every demo user)`,
    `  realtime        http://localhost:${w.realtimePort}`,
    `  database        ${w.database}`,
    `  outgoing mail   ${w.mailOutbox} (JSON files; set SMTP_URL to send for real)`,
    "Ctrl-C stops everything.",
    "",
  );
  console.log(lines.join("\n"));
}
