import type { Meta, StoryObj } from "@storybook/react-vite";
import { Alert } from "./Alert";

const meta = {
  title: "Components/Alert",
  component: Alert,
  args: {
    tone: "info",
    title: "Heads up",
    children: "Your domain is still verifying; this can take an hour.",
  },
  argTypes: {
    tone: { control: "inline-radio", options: ["info", "success", "warning", "danger"] },
  },
} satisfies Meta<typeof Alert>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Info: Story = {};
export const Success: Story = {
  args: { tone: "success", title: "Campaign sent", children: "12,400 emails queued." },
};
export const Warning: Story = {
  args: {
    tone: "warning",
    title: "Almost at your limit",
    children: "You have used 92% of this month's sends.",
  },
};
export const Danger: Story = {
  args: {
    tone: "danger",
    title: "Payment failed",
    children: "Update your card to keep campaigns running.",
  },
};
export const TitleOnly: Story = { args: { children: undefined, title: "Saved" } };
