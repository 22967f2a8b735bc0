/**
 * Splits SQL text into statements as PostgreSQL's scanner does (with
 * standard_conforming_strings on, which the host pins): `;` separates statements unless it
 * sits in a comment, a quoted string or identifier, or a dollar-quoted body. Each statement
 * comes back as a skeleton (comments dropped, literals emptied) for keyword checks.
 *
 * It only has to err towards seeing MORE statements than the server would; the server's
 * own rules (extended protocol, privileges, RLS) stay the boundary either way.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end + 1;
      current += " ";
    } else if (c === "/" && next === "*") {
      i = skipBlockComment(text, i);
      current += " ";
    } else if (c === "'" || c === '"') {
      i = skipQuoted(text, i, c, false);
      current += c + c;
    } else if (c === "$") {
      const tag = DOLLAR_TAG.exec(text.slice(i))?.[0];
      if (tag) {
        const end = text.indexOf(tag, i + tag.length);
        i = end < 0 ? text.length : end + tag.length;
        current += "$$$$";
      } else {
        current += c;
        i++;
      }
    } else if (IDENT_START.test(c)) {
      const word = IDENT.exec(text.slice(i))?.[0] ?? c;
      i += word.length;
      if ((word === "e" || word === "E") && text[i] === "'") {
        i = skipQuoted(text, i, "'", true);
        current += "''";
      } else {
        current += word;
      }
    } else if (c === ";") {
      if (current.trim()) statements.push(current.trim());
      current = "";
      i++;
    } else {
      current += c;
      i++;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** The statement's command word, lowercased (`select`, `with`, `reset`, ...). */
export function commandOf(statement: string): string {
  return /^[\s(]*([A-Za-z_]+)/.exec(statement)?.[1]?.toLowerCase() ?? "";
}

const IDENT_START = /[A-Za-z_\u0080-\uffff]/;
const IDENT = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_$\u0080-\uffff]*/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

function skipQuoted(text: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslash && c === "\\") i += 2;
    else if (c === quote && text[i + 1] === quote) i += 2;
    else if (c === quote) return i + 1;
    else i++;
  }
  return text.length;
}

/** PostgreSQL block comments nest. */
function skipBlockComment(text: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text[i] === "/" && text[i + 1] === "*") {
      depth++;
      i += 2;
    } else if (text[i] === "*" && text[i + 1] === "/") {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return text.length;
}
