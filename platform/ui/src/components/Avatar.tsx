import { cx } from "../cx";

export interface AvatarProps {
  name: string;
  size?: "sm" | "md" | "lg";
  className?: string;
}

/** First letter of the first and last word: "Ada Lovelace" → "AL", "cher" → "C". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase() || "?";
}

/** Initials badge for a person or tenant; the full name is the accessible label. */
export function Avatar({ name, size = "md", className }: AvatarProps) {
  return (
    <span
      role="img"
      aria-label={name}
      title={name}
      className={cx("omni-avatar", `omni-avatar--${size}`, className)}
    >
      <span aria-hidden="true">{initials(name)}</span>
    </span>
  );
}
