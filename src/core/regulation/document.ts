/**
 * The motivation regulation (SPEC §13) as a rendering-neutral document: numbered sections of
 * numbered clauses and tables, every number already written into the text. The Sheets tab
 * (workbook/regulationTab) and the .docx (cli/regulationDocx) render exactly this.
 */
import type { Dec } from '../decimal';
import type { Lang } from '../money';
import type { ManagerPayout, PayoutInput } from '../model';
import type { LocalDate } from '../periods';

export interface RegulationTable {
  header: string[];
  rows: string[][];
  /** Relative column widths (renderers scale them to the page). */
  widths: number[];
}

export type RegulationBlock =
  | { kind: 'clause'; number: string; text: string }
  | { kind: 'table'; table: RegulationTable };

export interface RegulationSection {
  number: number;
  title: string;
  blocks: RegulationBlock[];
}

/** One worked example: the synthetic input the engine paid, and what it paid (for tests and renderers). */
export interface WorkedExample {
  /** 0.8, 1, 1.2 */
  share: Dec;
  input: PayoutInput;
  /** Null when the engine withheld the typical manager (the reason is in the examples table). */
  payout: ManagerPayout | null;
}

export interface RegulationDocument {
  lang: Lang;
  currency: string;
  scheme: string;
  /** The period the managers and the typical plan come from, `YYYY-MM` or `YYYY-Qn`. */
  period: string;
  /** 8 hex digits of a hash of the scheme's pay conditions: a change of them changes it. */
  version: string;
  effectiveDate: LocalDate;
  managers: string[];
  /** The approval block, one line each: «УТВЕРЖДАЮ», the head's signature line, the date line. */
  approval: string[];
  title: string;
  subtitle: string;
  versionLine: string;
  sections: RegulationSection[];
  examples: WorkedExample[];
}

/** Every text of the document in reading order (tables row by row): what tests and plain renderers read. */
export function documentLines(doc: RegulationDocument): string[] {
  const out = [...doc.approval, doc.title, doc.subtitle, doc.versionLine];
  for (const s of doc.sections) {
    out.push(`${s.number}. ${s.title}`);
    for (const b of s.blocks) {
      if (b.kind === 'clause') out.push(`${b.number} ${b.text}`);
      else for (const row of [b.table.header, ...b.table.rows]) out.push(row.join(' | '));
    }
  }
  return out;
}
