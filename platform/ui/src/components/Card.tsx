import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "../cx";
import { Heading, type HeadingLevel } from "./Heading";

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, "title"> {
  title?: ReactNode;
  description?: ReactNode;
  /** Rendered at the end of the header row, e.g. a Button or Badge. */
  actions?: ReactNode;
  footer?: ReactNode;
  /** Heading level of the title; pick what fits the page outline. */
  headingLevel?: HeadingLevel;
}

export function Card({
  title,
  description,
  actions,
  footer,
  headingLevel = 3,
  className,
  children,
  ...rest
}: CardProps) {
  const hasHeader = title !== undefined || description !== undefined || actions !== undefined;
  return (
    <section {...rest} className={cx("omni-card", className)}>
      {hasHeader && (
        <header className="omni-card__header">
          <div>
            {title !== undefined && (
              <Heading level={headingLevel} className="omni-card__title">
                {title}
              </Heading>
            )}
            {description !== undefined && <p className="omni-card__description">{description}</p>}
          </div>
          {actions !== undefined && <div className="omni-card__actions">{actions}</div>}
        </header>
      )}
      <div className="omni-card__body">{children}</div>
      {footer !== undefined && <footer className="omni-card__footer">{footer}</footer>}
    </section>
  );
}
