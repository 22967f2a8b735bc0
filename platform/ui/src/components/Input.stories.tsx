import type { Meta, StoryObj } from "@storybook/react-vite";
import { Input } from "./Input";

const meta = {
  title: "Components/Input",
  component: Input,
  // Inputs need an accessible name; in apps, Field provides the <label>.
  args: { placeholder: "Search campaigns", "aria-label": "Search campaigns" },
} satisfies Meta<typeof Input>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Filled: Story = { args: { defaultValue: "Spring launch" } };
export const Invalid: Story = { args: { defaultValue: "???", "aria-invalid": true } };
export const Disabled: Story = { args: { disabled: true, defaultValue: "Locked by admin" } };
