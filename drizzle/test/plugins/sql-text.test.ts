import { describe, expect, it } from "vitest";
import { commandOf, splitStatements } from "../../src/plugins/sql-text";
import { assertPluginStatement } from "../../src/plugins/statement-guard";

describe("splitStatements", () => {
  it.each([
    ["select 1", 1],
    ["select 1;", 1],
    ["select 1; reset role", 2],
    ["select ';' as semi", 1],
    ["select 'it''s; fine'", 1],
    [`select "a;b" from t`, 1],
    ["select $$;$$, $tag$ ; $ $tag$", 1],
    ["select a$b$ from t; reset role", 2],
    ["select E'\\'; reset role; --'", 1],
    ["select '\\'; reset role; --'", 2],
    ["select 1 -- ; reset role\n", 1],
    ["select 1 /* /* ; */ ; */ ; reset role", 2],
    ["/* lead */ reset role", 1],
  ])("%s → %i statement(s)", (sql, count) => {
    expect(splitStatements(sql)).toHaveLength(count);
  });

  it("names the command after comments and parentheses", () => {
    expect(splitStatements("-- x\n /* y */ ((select 1))").map(commandOf)).toEqual(["select"]);
    expect(splitStatements("select 1; Reset role").map(commandOf)).toEqual(["select", "reset"]);
  });
});

describe("assertPluginStatement", () => {
  it.each([
    "select 1",
    "with x as (select 1) select * from x",
    "insert into t values (1)",
    "(select 1)",
  ])("lets %s through", (sql) => expect(() => assertPluginStatement(sql, [])).not.toThrow());
  it.each([
    ["select 1; reset role", /one statement per call/],
    ["/* hi */ reset role", /got RESET/],
    ["notify omnify_events, 'x'", /got NOTIFY/],
    ["copy t to stdout", /got COPY/],
    ["", /non-empty/],
    ["-- only a comment", /got 0/],
  ])("refuses %s", (sql, message) => {
    expect(() => assertPluginStatement(sql, [])).toThrow(message);
  });
});
