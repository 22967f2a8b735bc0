import type { Meta, StoryObj } from "@storybook/react-vite";
import { Badge } from "./Badge";
import { Button } from "./Button";
import { Card } from "./Card";

const meta = {
  title: "Components/Card",
  component: Card,
  args: {
    title: "Spring launch",
    description: "Email + landing page campaign",
    children: "Scheduled to go out to 12,400 subscribers on Monday at 09:00.",
  },
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const WithActionsAndFooter: Story = {
  args: {
    actions: <Badge tone="success">Live</Badge>,
    footer: (
      <Button size="sm" variant="secondary">
        View report
      </Button>
    ),
  },
};

export const BodyOnly: Story = {
  args: { title: undefined, description: undefined, children: "A card with just content." },
};
