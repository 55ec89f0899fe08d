import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxItems } from '../../server/kit/index.js';
import { MAX_IMPORT_COLUMNS, MAX_REPORTED_PROBLEMS } from './import.limits.js';

export enum ImportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
}

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'Format of an imported file.',
  valuesConfig: {
    CSV: { description: 'Comma- or semicolon-separated text (UTF-8 with or without BOM, or Windows-1252).' },
    XLSX: { description: 'Excel workbook (.xlsx); its first visible sheet holding something is read.' },
  },
});

@ObjectType('ImportColumn', { description: 'A column of an imported file: recognised (read into a field) or ignored.' })
export class ImportColumn {
  @Field(() => String, { description: 'The column as the spreadsheet names it: A, B… AA.' })
  column!: string;

  @Field(() => String, { description: 'Its header, as written in the file.' })
  header!: string;

  @Field(() => Boolean, { description: 'True when the column is read into a field.' })
  recognised!: boolean;

  @Field(() => String, { nullable: true, description: 'The field it fills (name, siret, legalForm…); null when ignored.' })
  field!: string | null;

  @Field(() => String, { nullable: true, description: "The field's French label (Nom, SIRET, Forme juridique…); null when ignored." })
  label!: string | null;

  @Field(() => String, { nullable: true, description: 'Why a column naming a known field is ignored (French), e.g. a second column for the same field.' })
  note!: string | null;
}

@ObjectType('ImportProblem', { description: 'Why a row (or the whole file) was refused, in French.' })
export class ImportProblem {
  @Field(() => Int, { nullable: true, description: 'The row, numbered as the spreadsheet shows it; null for the file as a whole.' })
  row!: number | null;

  @Field(() => String, { nullable: true, description: 'The column (A, B…); null when the problem is not about one cell.' })
  column!: string | null;

  @Field(() => String, { nullable: true, description: "The column's header as written in the file." })
  header!: string | null;

  @Field(() => String, { nullable: true, description: 'The field concerned (siret, legalForm…).' })
  field!: string | null;

  @Field(() => String, { description: 'What is wrong, in French.' })
  message!: string;
}

@ObjectType('OrganizationImportReport', {
  description: 'What an import of organizations did, or would do (dry run), row by row: counts, refused rows with their reasons, columns read and ignored.',
})
export class OrganizationImportReport {
  @Field(() => String, { description: 'The file name given.' })
  fileName!: string;

  @Field(() => ImportFormat, { description: 'Format detected from the content.' })
  format!: ImportFormat;

  @Field(() => String, { nullable: true, description: "CSV: the text encoding detected ('UTF-8', 'UTF-8 (BOM)', 'UTF-16', 'Windows-1252'); null for XLSX." })
  encoding!: string | null;

  @Field(() => String, { nullable: true, description: 'CSV: the delimiter detected; null for XLSX.' })
  delimiter!: string | null;

  @Field(() => String, { nullable: true, description: 'XLSX: the worksheet read; null for CSV.' })
  sheet!: string | null;

  @Field(() => Int, { description: 'The row holding the headers, numbered as the spreadsheet shows it.' })
  headerRow!: number;

  @Field(() => Int, { description: 'Data rows read (empty rows left out).' })
  rows!: number;

  @Field(() => Int, { description: 'Rows that created an organization (or would, in a dry run or a refused file).' })
  created!: number;

  @Field(() => Int, { description: 'Rows that updated a known organization (same SIRET, else same RNA, else same name and commune without identifier).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows matching a known organization that already held every value given.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Rows refused (see problems).' })
  refused!: number;

  @Field(() => [Int], { description: 'The refused rows, numbered as the spreadsheet shows them.' })
  refusedRows!: number[];

  @Field(() => [ImportProblem], { description: `Each problem: row, column and French message (at most ${MAX_REPORTED_PROBLEMS}; see problemsOmitted).` })
  @MaxItems(MAX_REPORTED_PROBLEMS)
  problems!: ImportProblem[];

  @Field(() => Int, { description: 'Problems found beyond those listed.' })
  problemsOmitted!: number;

  @Field(() => [ImportColumn], { description: 'Every non-empty header, recognised or ignored, in file order.' })
  @MaxItems(MAX_IMPORT_COLUMNS)
  columns!: ImportColumn[];

  @Field(() => [String], { description: 'Headers recognised, as "header → label".' })
  recognisedColumns!: string[];

  @Field(() => [String], { description: 'Headers ignored (not a known column, or a repeated one).' })
  ignoredColumns!: string[];

  @Field(() => Boolean, { description: 'True when asked for a dry run: nothing is written, whatever the rows.' })
  dryRun!: boolean;

  @Field(() => Boolean, {
    description: 'True when the rows were written (in one transaction). False for a dry run, or when the file was refused: a missing required column, or a refused row without skipInvalidRows.',
  })
  written!: boolean;

  @Field(() => String, { description: 'One French sentence saying what happened.' })
  summary!: string;
}
