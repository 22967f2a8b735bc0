import type { Meta, StoryObj } from "@storybook/react-vite";
import { Badge } from "./Badge";
import { Table, type TableColumn } from "./Table";

interface Campaign {
  id: string;
  name: string;
  status: "live" | "draft" | "ended";
  sent: number;
  openRate: number;
}

const STATUS_TONE = { live: "success", draft: "neutral", ended: "warning" } as const;

const columns: TableColumn<Campaign>[] = [
  { key: "name", header: "Campaign" },
  {
    key: "status",
    header: "Status",
    cell: (row) => <Badge tone={STATUS_TONE[row.status]}>{row.status}</Badge>,
  },
  { key: "sent", header: "Sent", align: "end", cell: (row) => row.sent.toLocaleString("en") },
  {
    key: "openRate",
    header: "Open rate",
    align: "end",
    cell: (row) => `${(row.openRate * 100).toFixed(1)}%`,
  },
];

const rows: Campaign[] = [
  { id: "c1", name: "Spring launch", status: "live", sent: 12400, openRate: 0.412 },
  { id: "c2", name: "Loyalty reminder", status: "draft", sent: 0, openRate: 0 },
  { id: "c3", name: "Winter clearance", status: "ended", sent: 30210, openRate: 0.287 },
];

// Table is generic, so the meta pins Row to Campaign for typed args.
const meta = {
  title: "Components/Table",
  component: Table<Campaign>,
  args: { columns, rows, rowKey: (row) => row.id, caption: "Recent campaigns" },
} satisfies Meta<typeof Table<Campaign>>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const VisibleCaption: Story = { args: { showCaption: true } };
export const Empty: Story = {
  args: { rows: [], empty: "No campaigns yet — create your first one." },
};
