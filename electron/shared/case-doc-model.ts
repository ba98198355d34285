// A case document (受理登记表, 协议书, 回访记录, 卷宗封面与卷内目录) as plain blocks:
// core renders it to .docx, the page renders the same blocks to HTML for printing.
export type CaseDocKind = 'register' | 'agreement' | 'followup' | 'cover';

export const CASE_DOC_KINDS: Record<CaseDocKind, string> = {
  register: '人民调解受理登记表',
  agreement: '人民调解协议书',
  followup: '人民调解回访记录',
  cover: '卷宗封面和卷内目录',
};

export interface DocCell {
  text: string;
  /** columns spanned */
  span?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** the cell is at least this many lines high (room to write by hand) */
  minLines?: number;
}

export type DocBlock =
  | { t: 'title'; text: string; size?: 'big' }
  /** signature: a line to sign on, with room above it */
  | { t: 'para'; text: string; align?: 'left' | 'center' | 'right'; indent?: boolean; bold?: boolean; size?: 'big'; signature?: boolean }
  /** widths: relative column widths */
  | { t: 'table'; widths: number[]; rows: DocCell[][] }
  | { t: 'gap'; lines: number }
  | { t: 'pageBreak' }
  /** blocks that stay on one page: the last lines of text with the signatures, seal and date
   * (Word: keep with next and keep lines; print: break-inside: avoid) */
  | { t: 'keep'; blocks: DocBlock[] };

export interface CaseDoc {
  kind: CaseDocKind;
  title: string;
  /** 清河调〔2025〕201号-人民调解协议书.docx */
  fileName: string;
  blocks: DocBlock[];
}
