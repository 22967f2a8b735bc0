import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "./Button";
import { EmptyState } from "./EmptyState";

const meta = {
  title: "Components/EmptyState",
  component: EmptyState,
  args: {
    icon: "✉",
    title: "No campaigns yet",
    description: "Campaigns you create or import will show up here.",
    action: <Button>Create campaign</Button>,
  },
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithoutAction: Story = { args: { action: undefined, icon: undefined } };
