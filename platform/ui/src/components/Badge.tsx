import type { HTMLAttributes } from "react";
import { cx } from "../cx";

export type Tone = "neutral" | "primary" | "accent" | "success" | "warning" | "danger";

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: Tone;
}

/** Short status label. Text stays in the surface foreground; the tone only tints, so contrast holds. */
export function Badge({ tone = "neutral", className, ...rest }: BadgeProps) {
  return <span {...rest} className={cx("omni-badge", `omni-tone--${tone}`, className)} />;
}
