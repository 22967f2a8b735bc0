import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { cx } from "../cx";

/** Props a Field wires onto its control so label, hint and error are announced together. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
}

export interface FieldProps {
  /**
   * Id of the control. Required rather than generated: useId would force a
   * client component, and callers usually have a stable name anyway.
   */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Error text; when set the control is marked aria-invalid. */
  error?: ReactNode;
  required?: boolean;
  className?: string;
  /** One control element (Input, Select, textarea…) or a render function receiving the wiring props. */
  children: ReactElement<Partial<FieldControlProps>> | ((control: FieldControlProps) => ReactNode);
}

export function Field({ id, label, hint, error, required, className, children }: FieldProps) {
  // Boolean() so an empty string means "no message" rather than an empty, announced paragraph.
  const hasHint = Boolean(hint);
  const hasError = Boolean(error);
  const hintId = hasHint ? `${id}-hint` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control: FieldControlProps = {
    id,
    "aria-describedby": describedBy,
    ...(hasError ? { "aria-invalid": true as const } : {}),
    ...(required ? { required } : {}),
  };

  return (
    <div className={cx("omni-field", hasError && "omni-field--invalid", className)}>
      <label className="omni-field__label" htmlFor={id}>
        {label}
        {required && (
          <span className="omni-field__required" aria-hidden="true">
            {" *"}
          </span>
        )}
      </label>
      {typeof children === "function"
        ? children(control)
        : isValidElement(children)
          ? cloneElement(children, control)
          : children}
      {hasHint && (
        <p className="omni-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {hasError && (
        <p className="omni-field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
