import type { Meta, StoryObj } from "@storybook/react-vite";
import { Field } from "./Field";
import { Input } from "./Input";
import { Select } from "./Select";

const meta = {
  title: "Components/Field",
  component: Field,
  args: {
    id: "email",
    label: "Work email",
    children: <Input type="email" placeholder="ada@example.com" />,
  },
} satisfies Meta<typeof Field>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithHint: Story = {
  args: { hint: "We send the weekly report here.", required: true },
};

export const WithError: Story = {
  args: {
    hint: "We send the weekly report here.",
    error: "Enter an email address like name@company.com.",
    children: <Input type="email" defaultValue="ada@" />,
  },
};

export const WithSelect: Story = {
  args: {
    id: "channel",
    label: "Channel",
    children: (
      <Select
        placeholder="Choose a channel"
        defaultValue=""
        options={[
          { value: "email", label: "Email" },
          { value: "sms", label: "SMS" },
          { value: "screen", label: "In-store screen" },
        ]}
      />
    ),
  },
};

/** Render-function children for controls that are not a single element. */
export const RenderFunction: Story = {
  args: {
    id: "budget",
    label: "Monthly budget",
    hint: "In euros, before VAT.",
    children: (control) => <Input {...control} inputMode="numeric" defaultValue="2500" />,
  },
};
