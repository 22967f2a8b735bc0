import type { ReactNode } from "react";
import { cx } from "../cx";

export interface TableColumn<Row> {
  /** Stable key for React; also used as the default cell accessor when `cell` is omitted. */
  key: string;
  header: ReactNode;
  cell?: (row: Row) => ReactNode;
  /** "end" right-aligns numbers so digits line up. */
  align?: "start" | "end";
}

export interface TableProps<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  /** Accessible name of the table; visually hidden unless `showCaption`. */
  caption: string;
  showCaption?: boolean;
  /** Shown in a single full-width row when `rows` is empty. */
  empty?: ReactNode;
  className?: string;
}

function defaultCell<Row>(row: Row, key: string): ReactNode {
  const value = (row as Record<string, unknown>)[key];
  return value === null || value === undefined ? "" : String(value);
}

export function Table<Row>({
  columns,
  rows,
  rowKey,
  caption,
  showCaption = false,
  empty = "Nothing to show yet.",
  className,
}: TableProps<Row>) {
  return (
    // The wrapper scrolls wide tables instead of letting them break the layout.
    <div className={cx("omni-table-wrap", className)}>
      <table className="omni-table">
        <caption className={showCaption ? "omni-table__caption" : "omni-visually-hidden"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cx(column.align === "end" && "omni-align-end")}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td className="omni-table__empty" colSpan={columns.length}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={rowKey(row, index)}>
                {columns.map((column) => (
                  <td key={column.key} className={cx(column.align === "end" && "omni-align-end")}>
                    {column.cell ? column.cell(row) : defaultCell(row, column.key)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
