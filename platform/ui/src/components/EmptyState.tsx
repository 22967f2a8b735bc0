import type { ReactNode } from "react";
import { cx } from "../cx";
import { Heading, type HeadingLevel } from "./Heading";

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Usually one primary Button that gets the user unstuck. */
  action?: ReactNode;
  /** Decorative; hidden from assistive tech. */
  icon?: ReactNode;
  headingLevel?: HeadingLevel;
  className?: string;
}

export function EmptyState({
  title,
  description,
  action,
  icon,
  headingLevel = 2,
  className,
}: EmptyStateProps) {
  return (
    <div className={cx("omni-empty", className)}>
      {icon !== undefined && (
        <div className="omni-empty__icon" aria-hidden="true">
          {icon}
        </div>
      )}
      <Heading level={headingLevel} className="omni-empty__title">
        {title}
      </Heading>
      {description !== undefined && <p className="omni-empty__description">{description}</p>}
      {action !== undefined && <div className="omni-empty__action">{action}</div>}
    </div>
  );
}
