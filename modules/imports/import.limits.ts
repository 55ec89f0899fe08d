/*
 * Bounds of an import, named once: the service, the resolver's input rules, the report's list bounds
 * and the README read them here.
 */

/** Largest file read, in bytes (CSV or XLSX as stored). */
export const MAX_IMPORT_BYTES = 5 * 1_048_576;

/**
 * Most data rows a file may hold (the header not counted). One transaction writes them all, row by row
 * through the organizations' service (about 4 statements a row, 13 to 19 ms a row on PostgreSQL and
 * PGlite): 2,000 rows take some 30 to 40 s, during which PGlite's one connection is the import's.
 */
export const MAX_IMPORT_ROWS = 2_000;

/** Most columns read from the header; further ones are refused with the file. */
export const MAX_IMPORT_COLUMNS = 100;

/** Most bytes an XLSX file (a zip) may unpack to: a small file that unpacks to gigabytes is refused unread. */
export const MAX_XLSX_UNPACKED_BYTES = 60 * 1_048_576;

/** Most entries in an XLSX file (a workbook has a few dozen). */
export const MAX_XLSX_ENTRIES = 2_000;
/**
 * Rows and cells of all the worksheets of a workbook, counted before exceljs reads it (it builds an
 * object of each: 200,000 cells take some 120 MB and under 1 s; a million rows 1.4 GB and 7 s). A full
 * import of MAX_IMPORT_ROWS rows of MAX_IMPORT_COLUMNS cells is about 202,000.
 */
export const MAX_XLSX_ELEMENTS = 300_000;

/** Most characters read in one cell (the longest field, the description, holds 5,000). */
export const MAX_CELL_CHARS = 10_000;

/** Most problems the report lists (the count of refused rows is always exact). */
export const MAX_REPORTED_PROBLEMS = 500;

/** Longest file name accepted (it is only shown back). */
export const MAX_FILE_NAME_CHARS = 255;

/** Longest `path` accepted. */
export const MAX_PATH_CHARS = 1_024;

/** Base64 characters for `MAX_IMPORT_BYTES` bytes (4 per 3 bytes, padded). */
export const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
