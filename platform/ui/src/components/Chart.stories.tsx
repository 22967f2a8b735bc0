import type { Meta, StoryObj } from "@storybook/react-vite";
import { Card } from "./Card";
import { Chart } from "./Chart";

const days = Array.from({ length: 14 }, (_, i) => ({
  day: `Nov ${i + 1}`,
  tokens: Math.round(2_000 + 1_500 * Math.sin(i / 2) + i * 300),
  acme: 40 + i * 3,
  bistro: 25 + ((i * 7) % 20),
}));

const meta = {
  title: "Components/Chart",
  component: Chart,
  args: {
    label: "AI tokens per day",
    data: days,
    xKey: "day",
    series: [{ key: "tokens", label: "AI tokens" }],
    unit: "tokens",
  },
} satisfies Meta<typeof Chart>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Bars: Story = {};
/** Daily bars, the month-to-date line and the monthly quota, as on the usage page. */
export const WithQuotaLine: Story = {
  args: {
    data: days.map((d, i) => ({
      ...d,
      total: days.slice(0, i + 1).reduce((sum, x) => sum + x.tokens, 0),
    })),
    lines: [{ key: "total", label: "Month to date" }],
    referenceLines: [{ value: 50_000, label: "Quota" }],
  },
};
/** One stacked bar per day, one colour per sub-account. */
export const StackedSeries: Story = {
  args: {
    label: "API calls per sub-account",
    series: [
      { key: "acme", label: "Acme" },
      { key: "bistro", label: "Bistro" },
    ],
    stacked: true,
    unit: "calls",
  },
};
export const InCard: Story = {
  render: (args) => (
    <Card title="AI tokens">
      <Chart {...args} />
    </Card>
  ),
};
