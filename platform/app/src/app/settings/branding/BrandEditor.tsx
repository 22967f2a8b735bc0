"use client";

import { Alert, Button, Card, Field, Input } from "@omnify/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { fieldErrors } from "../../../lib/field-errors";
import { useTRPC } from "../../../trpc/react";
import { BrandPreview } from "./BrandPreview";
import {
  type BrandDraft,
  contrastProblems,
  draftTheme,
  EDITABLE_COLORS,
  toAssetChange,
} from "./draft";
import { ImageField } from "./ImageField";

/** Client-side hints only; the server sniffs the bytes and enforces the same limits. */
const IMAGE_SLOTS = [
  {
    key: "logo",
    label: "Logo",
    hint: "PNG, JPEG or WebP, up to 512 KB.",
    accept: "image/png,image/jpeg,image/webp",
    maxBytes: 512 * 1024,
  },
  {
    key: "favicon",
    label: "Favicon",
    hint: "PNG or ICO, up to 64 KB.",
    accept: "image/png,image/x-icon,.ico",
    maxBytes: 64 * 1024,
  },
] as const;

type Settings = {
  themeId: string;
  themeColors: Record<string, string>;
  productName: string | null;
  defaultProductName: string;
  supportEmail: string | null;
  colors: Record<string, string>;
  logoUrl: string | null;
  faviconUrl: string | null;
};

const fromSettings = (s: Settings): BrandDraft => ({
  productName: s.productName ?? "",
  supportEmail: s.supportEmail ?? "",
  colors: Object.fromEntries(EDITABLE_COLORS.map(([k]) => [k, s.colors[k] ?? ""])),
  logo: { state: "keep", url: s.logoUrl },
  favicon: { state: "keep", url: s.faviconUrl },
});

/** The agency's white-label brand: form on the left, live preview of the draft on the right. */
export function BrandEditor({ origin, workspaceName }: { origin: string; workspaceName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.branding.getSettings.queryOptions());
  const [draft, setDraft] = useState<BrandDraft | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string | null>>({});
  const save = useMutation(
    trpc.branding.update.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.branding.getSettings.queryKey(), saved);
        setDraft(fromSettings(saved));
        // The shell's logo, colours and favicon come from the server layout.
        router.refresh();
      },
    }),
  );
  useEffect(() => {
    if (settings.data && !draft) setDraft(fromSettings(settings.data));
  }, [settings.data, draft]);

  const data = settings.data;
  const tokens = useMemo(
    () => (data && draft ? draftTheme(data.themeId, draft, data.defaultProductName) : null),
    [data, draft],
  );
  const problems = useMemo(() => contrastProblems(tokens), [tokens]);

  if (settings.isError) return <Alert tone="danger">Could not load the brand.</Alert>;
  if (!data || !draft) return <p className="omnify-muted">Loading the brand…</p>;

  const errors = fieldErrors(save.error);
  const update = (patch: Partial<BrandDraft>) => setDraft({ ...draft, ...patch });
  const setColor = (name: string, value: string) =>
    update({ colors: { ...draft.colors, [name]: value } });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft) return;
    save.mutate({
      productName: draft.productName.trim() || null,
      supportEmail: draft.supportEmail.trim() || null,
      colors: Object.fromEntries(Object.entries(draft.colors).filter(([, v]) => v !== "")),
      logo: toAssetChange(draft.logo),
      favicon: toAssetChange(draft.favicon),
    });
  }

  const problemList = Object.values(problems);
  return (
    <div className="omnify-brand-editor">
      <form className="omnify-stack" onSubmit={onSubmit} noValidate aria-label="Brand">
        {errors.form && <Alert tone="danger">{errors.form}</Alert>}
        {save.error && !errors.form && (
          <Alert tone="danger" title="The brand was not saved">
            <ul data-testid="brand-errors">
              {Object.entries(errors.fields).map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          </Alert>
        )}
        {save.isSuccess && !save.isPending && <Alert tone="success">Brand saved.</Alert>}
        <Card headingLevel={2} title="Name and contact">
          <div className="omnify-stack">
            <Field
              id="brand-product-name"
              label="Product name"
              hint={`Shown in the portal, sign-in pages and e-mails. Empty: ${data.defaultProductName}.`}
              error={errors.fields.productName}
            >
              <Input
                value={draft.productName}
                maxLength={60}
                placeholder={data.defaultProductName}
                onChange={(e) => update({ productName: e.currentTarget.value })}
              />
            </Field>
            <Field
              id="brand-support-email"
              label="Support e-mail"
              hint="E-mail footers point here, and replies go here."
              error={errors.fields.supportEmail}
            >
              <Input
                type="email"
                value={draft.supportEmail}
                onChange={(e) => update({ supportEmail: e.currentTarget.value })}
              />
            </Field>
          </div>
        </Card>
        <Card headingLevel={2} title="Logo and favicon">
          <div className="omnify-stack">
            {IMAGE_SLOTS.map(({ key, ...slot }) => (
              <ImageField
                key={key}
                {...slot}
                id={`brand-${key}`}
                value={draft[key]}
                error={errors.fields[key] ?? localErrors[key] ?? undefined}
                onChange={(image) => update({ [key]: image })}
                onLocalError={(m) => setLocalErrors({ ...localErrors, [key]: m })}
              />
            ))}
          </div>
        </Card>
        <Card headingLevel={2} title="Colours" description="Empty fields keep the theme's colour.">
          <div className="omnify-stack">
            {problemList.length > 0 && (
              <Alert tone="warning" title="Fails WCAG AA contrast" data-testid="contrast-warnings">
                <ul>
                  {problemList.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </Alert>
            )}
            {EDITABLE_COLORS.map(([name, label]) => {
              const value = draft.colors[name] ?? "";
              const shown = /^#[0-9a-fA-F]{6}$/.test(value)
                ? value
                : (data.themeColors[name] ?? "#000000");
              return (
                <Field
                  key={name}
                  id={`brand-color-${name}`}
                  label={`${label} (${name})`}
                  error={errors.fields[`colors.${name}`] ?? problems[name]}
                >
                  {(control) => (
                    <div className="omnify-colour-row">
                      <input
                        type="color"
                        aria-label={`${label} picker`}
                        value={shown.toLowerCase()}
                        onChange={(e) => setColor(name, e.currentTarget.value)}
                      />
                      <Input
                        {...control}
                        value={value}
                        placeholder={data.themeColors[name]}
                        maxLength={7}
                        onChange={(e) => setColor(name, e.currentTarget.value.trim())}
                      />
                    </div>
                  )}
                </Field>
              );
            })}
          </div>
        </Card>
        <div className="omnify-row">
          <Button type="submit" loading={save.isPending}>
            Save brand
          </Button>
          <Button type="button" variant="secondary" onClick={() => setDraft(fromSettings(data))}>
            Discard changes
          </Button>
        </div>
      </form>
      <div className="omnify-stack">
        <h2>Preview</h2>
        {tokens ? (
          <BrandPreview
            tokens={tokens}
            supportEmail={draft.supportEmail}
            origin={origin}
            workspaceName={workspaceName}
          />
        ) : (
          <p className="omnify-muted">Finish the colour (#rrggbb) to see the preview.</p>
        )}
      </div>
    </div>
  );
}
