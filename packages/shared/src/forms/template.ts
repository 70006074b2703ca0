import { z } from 'zod';

/**
 * One form definition, three faces: the online table, the XLSX to download and the XLSX parsed back.
 * Every collection in the system (registry check, applications, questionnaires, results forms) is a
 * FormTemplate plus data of the shape FormData.
 */

/** Attributes of the ОО a read-only column can be prefilled from. */
export const PREFILL_SOURCES = [
  'login',
  'orgCode',
  'fullName',
  'shortName',
  'regionCode',
  'regionName',
  'municipalityName',
] as const;
export const PrefillSource = z.enum(PREFILL_SOURCES);
export type PrefillSource = z.infer<typeof PrefillSource>;

export const ColumnKind = z.enum(['text', 'integer', 'decimal', 'date', 'list', 'prefill', 'computed']);
export type ColumnKind = z.infer<typeof ColumnKind>;

const key = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'ключ: латинские буквы, цифры, _');

export const ColumnDef = z.strictObject({
  key,
  /** the header as users see it, online and in the XLSX */
  title: z.string().min(1).max(200),
  kind: ColumnKind,
  hint: z.string().max(1000).optional(),
  required: z.boolean().optional(),
  /** integer/decimal bounds, inclusive */
  min: z.number().optional(),
  max: z.number().optional(),
  /** decimal places allowed (decimal) */
  decimals: z.number().int().min(0).max(6).optional(),
  /** text: a regular expression the whole value must match, and the message when it does not */
  pattern: z.string().max(300).optional(),
  patternMessage: z.string().max(300).optional(),
  maxLength: z.number().int().positive().max(10000).optional(),
  /** list: the dictionary key in FormTemplate.dictionaries */
  list: key.optional(),
  /** prefill: the ОО attribute shown read-only */
  prefill: PrefillSource.optional(),
  /** computed: the sum of these numeric columns of the same row (an X or empty counts 0) */
  sumOf: z.array(key).optional(),
  /** width in characters, for the XLSX and the online table */
  width: z.number().int().min(3).max(120).optional(),
});
export type ColumnDef = z.infer<typeof ColumnDef>;

/** A condition on one cell of a row, compared with a constant or with another column of the same row. */
export const Condition = z.strictObject({
  column: key,
  op: z.enum(['empty', 'notEmpty', 'eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in']),
  value: z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]).optional(),
  otherColumn: key.optional(),
});
export type Condition = z.infer<typeof Condition>;

/** Declarative cross-column rule: when `if` holds (or always, without it), `then` must hold. */
export const CrossRule = z.strictObject({
  if: Condition.optional(),
  then: Condition,
  message: z.string().min(1).max(300),
});
export type CrossRule = z.infer<typeof CrossRule>;

export const FixedRow = z.strictObject({ key: z.string().min(1).max(100), label: z.string().min(1).max(300) });
export type FixedRow = z.infer<typeof FixedRow>;

export const RowMode = z.discriminatedUnion('mode', [
  /** one row per listed item (class, subject, ОО); the label column is read-only */
  z.strictObject({ mode: z.literal('fixed'), labelTitle: z.string().min(1).max(100), rows: z.array(FixedRow) }),
  /** rows added by the user, up to max */
  z.strictObject({ mode: z.literal('free'), max: z.number().int().positive().max(100000) }),
]);
export type RowMode = z.infer<typeof RowMode>;

export const SheetDef = z.strictObject({
  key,
  /** the sheet's name in the XLSX and the tab's title online (Excel allows 31 characters) */
  title: z
    .string()
    .min(1)
    .max(31)
    .regex(/^[^\\/?*[\]:]+$/, 'имя листа не может содержать \\ / ? * [ ] :'),
  hint: z.string().max(2000).optional(),
  rows: RowMode,
  columns: z.array(ColumnDef).min(1).max(200),
  rules: z.array(CrossRule).optional(),
});
export type SheetDef = z.infer<typeof SheetDef>;

export const FormTemplate = z.strictObject({
  code: z.string().min(1).max(60),
  title: z.string().min(1).max(300),
  /** shown on the instruction sheet of the XLSX and above the online table */
  instruction: z.string().max(5000),
  sheets: z.array(SheetDef).min(1).max(30),
  dictionaries: z.record(z.string(), z.array(z.string().min(1).max(200)).min(1).max(5000)),
});
export type FormTemplate = z.infer<typeof FormTemplate>;

/** A cell as stored: text, list items and dates ('YYYY-MM-DD') are strings; numbers are numbers. */
export const CellValue = z.union([z.string().max(10000), z.number(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;

/** A row: column key → value; fixed rows carry their row key in `_row`. */
export const FormRow = z.record(z.string(), CellValue);
export type FormRow = z.infer<typeof FormRow>;

/** sheet key → rows */
export const FormData = z.record(z.string(), z.array(FormRow).max(100000));
export type FormData = z.infer<typeof FormData>;

/** One problem, located as a user can find it: sheet title, row number as shown, column title and cell. */
export const FormIssue = z.object({
  sheet: z.string(),
  /** 1-based row as the user sees it: the data row number online, the worksheet row in the XLSX */
  row: z.number().int(),
  column: z.string().nullable(),
  /** A1-style address in the XLSX face, e.g. C7 */
  cell: z.string().nullable(),
  message: z.string(),
});
export type FormIssue = z.infer<typeof FormIssue>;
