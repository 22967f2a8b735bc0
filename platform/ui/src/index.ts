// Every component here is server-safe (no hooks, no "use client") except Chart, a client
// component (recharts) that server components may render too. Interactive pieces, when added,
// live in their own files with "use client" at the top.
export { Alert, type AlertProps, type AlertTone } from "./components/Alert";
export {
  AppShell,
  type AppShellProps,
  type LinkComponent,
  type NavItem,
} from "./components/AppShell";
export { Avatar, type AvatarProps, initials } from "./components/Avatar";
export { Badge, type BadgeProps, type Tone } from "./components/Badge";
export { Brand, type BrandProps, svgDataUri } from "./components/Brand";
export {
  Button,
  type ButtonProps,
  type ButtonSize,
  type ButtonStyleOptions,
  type ButtonVariant,
  buttonClassName,
} from "./components/Button";
export { Card, type CardProps } from "./components/Card";
export {
  Chart,
  type ChartProps,
  type ChartReferenceLine,
  type ChartSeries,
  type ChartTone,
} from "./components/Chart";
export { EmptyState, type EmptyStateProps } from "./components/EmptyState";
export { Field, type FieldControlProps, type FieldProps } from "./components/Field";
export { Heading, type HeadingLevel, type HeadingProps } from "./components/Heading";
export { Input, type InputProps } from "./components/Input";
export { Select, type SelectOption, type SelectProps } from "./components/Select";
export { Stat, type StatDelta, type StatProps } from "./components/Stat";
export { Table, type TableColumn, type TableProps } from "./components/Table";
export { ThemeStyle, type ThemeStyleProps } from "./components/ThemeStyle";
export { cx } from "./cx";
