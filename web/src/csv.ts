// CSV of a table as shown: the columns in their order, the rows in their sort order, numbers exactly as
// the API gives them (a decimal point, no rounding), so a spreadsheet gets the real figures.
import { rawValue, type Column } from "./table.ts";

const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function toCsv<Row>(columns: Column<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => quote(c.label)), ...rows.map((row) => columns.map((c) => quote(rawValue(c, row))))];
  return lines.map((line) => line.join(",")).join("\r\n") + "\r\n";
}

/** Offers text as a file download; the byte-order mark lets spreadsheets read names such as Súdwest-Fryslân. */
export function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started by the next task; the URL is no longer needed then
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
