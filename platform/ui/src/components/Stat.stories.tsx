import type { Meta, StoryObj } from "@storybook/react-vite";
import { Card } from "./Card";
import { Stat } from "./Stat";

const meta = {
  title: "Components/Stat",
  component: Stat,
  args: {
    label: "Leads this week",
    value: "1,284",
    delta: { value: "+12%", trend: "up", label: "vs last week" },
  },
} satisfies Meta<typeof Stat>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Up: Story = {};
export const Down: Story = { args: { delta: { value: "−4%", trend: "down" } } };
/** Falling churn is good news: sentiment overrides the default up/down colouring. */
export const DownIsGood: Story = {
  args: {
    label: "Churn",
    value: "2.1%",
    delta: { value: "−0.6 pt", trend: "down", sentiment: "positive" },
  },
};
export const NoDelta: Story = { args: { delta: undefined } };

export const InCards: Story = {
  render: () => (
    <div
      style={{
        display: "grid",
        gap: "var(--omni-space-4)",
        gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
      }}
    >
      <Card>
        <Stat label="Reach" value="48.2k" delta={{ value: "+8%", trend: "up" }} />
      </Card>
      <Card>
        <Stat label="Click-through" value="3.4%" delta={{ value: "0%", trend: "flat" }} />
      </Card>
      <Card>
        <Stat
          label="Cost per lead"
          value="€4.10"
          delta={{ value: "+€0.30", trend: "up", sentiment: "negative" }}
        />
      </Card>
    </div>
  ),
};
