import {
  applyBrandOverrides,
  checkThemeContrast,
  contrastFailureMessage,
  defaultThemeId,
  getTheme,
  isThemeId,
  type ThemeTokens,
} from "@omnify/themes";
import { z } from "zod";
import { DomainError } from "../errors";
import { type BrandColors, brandColorsSchema } from "./brand-schema";

type Issue = { path: string[]; message: string };

/**
 * A brand the editor may not save. Carries zod-style `issues` (one per field, path
 * `colors.<token>` for colours) so the API reports `fieldErrors`; `field` names the first.
 */
export class BrandValidationError extends DomainError {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const first = issues[0];
    super("BAD_INPUT", first?.message ?? "Invalid brand", first?.path[0] ?? "brand");
    this.issues = issues;
  }
}

export type BrandTextInput = {
  productName: string | null;
  supportEmail: string | null;
  colors: Record<string, string | undefined>;
};

export type ValidBrandText = {
  productName: string | null;
  supportEmail: string | null;
  colors: BrandColors;
};

const productNameSchema = z
  .string()
  .max(60, { message: "Product name: at most 60 characters" })
  .regex(/^[^\r\n<>]*$/, { message: "Product name: one line, without < or >" });
const supportEmailSchema = z.email({ message: "Support e-mail: enter a valid e-mail address" });

/** The theme a tenant's colour overrides sit on. */
export function baseThemeFor(themeId: string): ThemeTokens {
  return getTheme(isThemeId(themeId) ? themeId : defaultThemeId);
}

/**
 * Validates the editable text parts of a brand and checks every rendered colour pair of the
 * resulting theme against WCAG AA. Throws one BrandValidationError listing every problem.
 */
export function validateBrandText(themeId: string, input: BrandTextInput): ValidBrandText {
  const issues: Issue[] = [];
  const productName = input.productName?.trim() || null;
  if (productName) {
    const r = productNameSchema.safeParse(productName);
    if (!r.success)
      issues.push({ path: ["productName"], message: r.error.issues[0]?.message ?? "" });
  }
  const supportEmail = input.supportEmail?.trim().toLowerCase() || null;
  if (supportEmail && !supportEmailSchema.safeParse(supportEmail).success)
    issues.push({
      path: ["supportEmail"],
      message: "Support e-mail: enter a valid e-mail address",
    });

  const colors: BrandColors = {};
  const known = brandColorsSchema.shape;
  for (const [name, raw] of Object.entries(input.colors)) {
    if (raw === undefined || raw === "") continue;
    const value = raw.trim().toLowerCase();
    if (!(name in known)) {
      issues.push({ path: [`colors.${name}`], message: `Colour ${name}: not a theme colour` });
    } else if (!/^#[0-9a-f]{6}$/.test(value)) {
      issues.push({
        path: [`colors.${name}`],
        message: `Colour ${name}: must be a #rrggbb hex colour`,
      });
    } else {
      colors[name as keyof BrandColors] = value;
    }
  }
  if (issues.length === 0) {
    const tokens = applyBrandOverrides(baseThemeFor(themeId), { colors });
    for (const failure of checkThemeContrast(tokens)) {
      issues.push({
        path: [`colors.${failure.foreground}`],
        message: contrastFailureMessage(failure, tokens),
      });
    }
  }
  if (issues.length > 0) throw new BrandValidationError(issues);
  return { productName, supportEmail, colors };
}
