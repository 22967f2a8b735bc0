import type { InputHTMLAttributes } from "react";
import { cx } from "../cx";

export type InputProps = InputHTMLAttributes<HTMLInputElement>;

/** Styled text input; invalid styling follows `aria-invalid`, which Field sets. */
export function Input({ className, type = "text", ...rest }: InputProps) {
  return <input {...rest} type={type} className={cx("omni-input", className)} />;
}
