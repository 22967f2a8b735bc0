import type { ButtonHTMLAttributes } from "react";
import { cx } from "../cx";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg";

export interface ButtonStyleOptions {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

/**
 * Button classes without the element, so links (e.g. next/link) can look like
 * buttons without nesting an <a> in a <button>.
 */
export function buttonClassName({
  variant = "primary",
  size = "md",
  className,
}: ButtonStyleOptions = {}) {
  return cx("omni-button", `omni-button--${variant}`, `omni-button--${size}`, className);
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonStyleOptions {
  /** Shows a spinner, sets aria-busy and blocks clicks while an action is in flight. */
  loading?: boolean;
}

export function Button({
  variant,
  size,
  loading = false,
  disabled,
  className,
  children,
  type = "button",
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      // Default to "button": a bare <button> inside a <form> would submit it by surprise.
      type={type}
      className={buttonClassName({
        variant,
        size,
        className: cx(loading && "omni-button--loading", className),
      })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading && <span className="omni-spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
