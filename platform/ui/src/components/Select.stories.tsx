import type { Meta, StoryObj } from "@storybook/react-vite";
import { Select } from "./Select";

const meta = {
  title: "Components/Select",
  component: Select,
  args: {
    "aria-label": "Audience",
    options: [
      { value: "all", label: "All subscribers" },
      { value: "vip", label: "VIP customers" },
      { value: "lapsed", label: "Lapsed (90 days)", disabled: true },
    ],
  },
} satisfies Meta<typeof Select>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithPlaceholder: Story = {
  args: { placeholder: "Pick an audience", defaultValue: "" },
};
export const Disabled: Story = { args: { disabled: true } };
