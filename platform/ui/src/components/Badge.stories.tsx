import type { Meta, StoryObj } from "@storybook/react-vite";
import { Badge, type Tone } from "./Badge";

const tones: Tone[] = ["neutral", "primary", "accent", "success", "warning", "danger"];

const meta = {
  title: "Components/Badge",
  component: Badge,
  args: { children: "Draft", tone: "neutral" },
  argTypes: { tone: { control: "select", options: tones } },
} satisfies Meta<typeof Badge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const AllTones: Story = {
  render: () => (
    <div style={{ display: "flex", gap: "var(--omni-space-2)", flexWrap: "wrap" }}>
      {tones.map((tone) => (
        <Badge key={tone} tone={tone}>
          {tone}
        </Badge>
      ))}
    </div>
  ),
};
