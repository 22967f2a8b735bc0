import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../cx";

export type AlertTone = "info" | "success" | "warning" | "danger";

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, "title"> {
  tone?: AlertTone;
  title?: ReactNode;
}

const TONE_CLASS: Record<AlertTone, string> = {
  info: "omni-tone--primary",
  success: "omni-tone--success",
  warning: "omni-tone--warning",
  danger: "omni-tone--danger",
};

/**
 * Inline message. Danger and warning use role="alert" (interrupts the screen
 * reader); info and success use role="status" (polite). Pass `role` to override.
 */
export function Alert({ tone = "info", title, className, children, role, ...rest }: AlertProps) {
  const urgent = tone === "danger" || tone === "warning";
  return (
    <div
      {...rest}
      role={role ?? (urgent ? "alert" : "status")}
      className={cx("omni-alert", TONE_CLASS[tone], className)}
    >
      {title !== undefined && <p className="omni-alert__title">{title}</p>}
      {children !== undefined && <div className="omni-alert__body">{children}</div>}
    </div>
  );
}
