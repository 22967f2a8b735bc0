import type { NavPageProps } from "@omnify/plugin-sdk/ui";
import { LinkForm } from "./LinkForm.tsx";
import { useProcedure } from "./use-procedure.ts";

type Link = {
  id: string;
  slug: string;
  taggedUrl: string;
  shortUrl: string | null;
  clicks?: number;
};

/** The plugin's page: build a link, see every link with its clicks. */
export default function NavPage({ call }: NavPageProps) {
  const links = useProcedure<{ links: Link[] }>(call, "links.list", { limit: 100 });
  return (
    <main style={{ display: "grid", gap: "var(--omni-space-6)" }}>
      <h1 style={{ margin: 0 }}>UTM links</h1>
      <LinkForm call={call} onCreated={links.reload} />
      {links.error && <p role="alert">{links.error}</p>}
      <table>
        <thead>
          <tr>
            <th scope="col">Slug</th>
            <th scope="col">Link</th>
            <th scope="col">Clicks</th>
          </tr>
        </thead>
        <tbody>
          {(links.data?.links ?? []).map((l) => (
            <tr key={l.id}>
              <td>{l.slug}</td>
              <td>
                <code>{l.shortUrl ?? l.taggedUrl}</code>
              </td>
              <td>{l.clicks ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
