import { defaultThemeId, getTheme } from "@omnify/themes";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { Alert } from "./Alert";
import { AppShell } from "./AppShell";
import { Avatar } from "./Avatar";
import { Badge } from "./Badge";
import { Button } from "./Button";
import { Card } from "./Card";
import { EmptyState } from "./EmptyState";
import { Stat } from "./Stat";

const nav = [
  { href: "#dashboard", label: "Dashboard", icon: "◧", active: true },
  { href: "#campaigns", label: "Campaigns", icon: "✉", badge: <Badge tone="primary">3</Badge> },
  { href: "#screens", label: "Screens", icon: "▭" },
  { href: "#settings", label: "Settings", icon: "⚙" },
];

const meta = {
  title: "Layout/AppShell",
  component: AppShell,
  parameters: { layout: "fullscreen" },
  args: {
    brand: getTheme(defaultThemeId).logo,
    nav,
    header: (
      <>
        <strong>Dashboard</strong>
        <Button size="sm">New campaign</Button>
      </>
    ),
    sidebarFooter: <Avatar name="Ada Lovelace" size="sm" />,
    children: (
      <div style={{ display: "grid", gap: "var(--omni-space-5)" }}>
        <Alert tone="success" title="Spring launch is live" />
        <Card title="This week" description="All channels">
          <div style={{ display: "flex", gap: "var(--omni-space-6)", flexWrap: "wrap" }}>
            <Stat label="Leads" value="1,284" delta={{ value: "+12%", trend: "up" }} />
            <Stat label="Open rate" value="41%" delta={{ value: "−2%", trend: "down" }} />
          </div>
        </Card>
        <EmptyState
          headingLevel={3}
          title="No screens paired yet"
          description="Pair an in-store screen to start showing campaigns."
          action={<Button variant="secondary">Pair a screen</Button>}
        />
      </div>
    ),
  },
} satisfies Meta<typeof AppShell>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Brand follows the toolbar theme, as the app does with the tenant's theme. */
export const Default: Story = {
  render: (args, { globals }) => (
    <AppShell {...args} brand={getTheme(String(globals.theme ?? defaultThemeId)).logo} />
  ),
};

export const CustomBrandText: Story = { args: { brand: { text: "Acme Reach" } } };
