import { themes } from "@omnify/themes";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  Alert,
  AppShell,
  Button,
  Field,
  Input,
  initials,
  Stat,
  Table,
  ThemeStyle,
} from "../src/index";

// Server rendering doubles as the check that the kit is server-component safe (no hooks).
const html = (node: React.ReactNode) => renderToStaticMarkup(node);

describe("Field", () => {
  it("wires label, hint and error to the control", () => {
    const out = html(
      <Field id="email" label="Email" hint="Work address" error="Required" required>
        <Input />
      </Field>,
    );
    expect(out).toContain('for="email"');
    expect(out).toMatch(/<input[^>]*id="email"[^>]*aria-describedby="email-hint email-error"/);
    expect(out).toContain('aria-invalid="true"');
    expect(out).toContain('id="email-error"');
  });

  it("omits aria-describedby when there is nothing to describe", () => {
    expect(
      html(
        <Field id="x" label="X">
          {(control) => <Input {...control} />}
        </Field>,
      ),
    ).not.toContain("aria-describedby");
  });
});

describe("components", () => {
  it("Alert picks an assertive role only for urgent tones", () => {
    expect(html(<Alert tone="danger">x</Alert>)).toContain('role="alert"');
    expect(html(<Alert tone="success">x</Alert>)).toContain('role="status"');
  });

  it("Button defaults to type=button and disables while loading", () => {
    const out = html(<Button loading>Save</Button>);
    expect(out).toContain('type="button"');
    expect(out).toContain("disabled");
    expect(out).toContain('aria-busy="true"');
  });

  it("initials handles one, many and no words", () => {
    expect(initials("Ada Lovelace")).toBe("AL");
    expect(initials("Grace Brewster Hopper")).toBe("GH");
    expect(initials("cher")).toBe("C");
    expect(initials("  ")).toBe("?");
  });

  it("Stat announces the trend in words", () => {
    expect(html(<Stat label="Leads" value="3" delta={{ value: "+1", trend: "up" }} />)).toContain(
      "Up",
    );
  });

  it("Table renders typed cells and an empty row", () => {
    const columns = [{ key: "name", header: "Name" }];
    expect(
      html(<Table caption="T" columns={columns} rows={[{ name: "A" }]} rowKey={(r) => r.name} />),
    ).toContain("<td>A</td>");
    expect(
      html(<Table caption="T" columns={columns} rows={[]} rowKey={() => ""} empty="None" />),
    ).toContain('colSpan="1"');
  });

  it("AppShell marks the active nav item and renders the SVG logo as an image", () => {
    const out = html(
      <AppShell brand={themes.aurora.logo} nav={[{ href: "/a", label: "A", active: true }]}>
        body
      </AppShell>,
    );
    expect(out).toContain('aria-current="page"');
    expect(out).toContain('src="data:image/svg+xml');
    expect(out).not.toContain("<svg");
  });

  it("ThemeStyle emits the theme variables", () => {
    expect(html(<ThemeStyle theme={themes.ember} />)).toContain("--omni-color-primary: #f97316;");
  });
});
