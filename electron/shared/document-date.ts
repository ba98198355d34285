// The 成文日期 of the three year-end documents, one rule (spec: annual-report.md, the
// date rule; openness-annual-report.md; enforcement-data.md). Each document has a
// window: a date the clerk gives before it is refused (a 2023 report dated 2022年5月1日
// cannot be right); after it, printed with a warning (late reports happen). Without a
// date, the day of generation is used only inside the window; otherwise the line is
// left blank for the clerk and a warning says so. Generating never stores a date.

export type DatedDocument = 'report' | 'openness' | 'enforcement';

export interface DocumentDateRule {
  /** 法治政府建设情况报告 … */
  name: string;
  /** the window of the year's document, YYYY-MM-DD both ends included */
  window: (year: number) => { from: string; to: string };
  /** when it is due, as the warning says it */
  due: (year: number) => string;
}

export const DOCUMENT_DATES: Record<DatedDocument, DocumentDateRule> = {
  report: {
    name: '法治政府建设情况报告',
    window: (y) => ({ from: `${y}-12-01`, to: `${y + 1}-03-31` }),
    due: (y) => `${y + 1}年3月1日前报送、4月1日前公开`,
  },
  openness: {
    name: '政府信息公开工作年度报告',
    window: (y) => ({ from: `${y}-12-01`, to: `${y + 1}-01-31` }),
    due: (y) => `${y + 1}年1月31日前公开`,
  },
  enforcement: {
    name: '行政执法数据',
    window: (y) => ({ from: `${y + 1}-01-01`, to: `${y + 1}-01-31` }),
    due: (y) => `${y + 1}年1月31日前公开`,
  },
};

/** 2024-01-12 → 2024年1月12日 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/** two ideographic spaces: room to write the month and day by hand */
const BLANK = '\u3000\u3000';

/** The window of a document for a year. */
export const documentWindow = (doc: DatedDocument, year: number) => DOCUMENT_DATES[doc].window(year);

/** A date the clerk gives: refused (Chinese message) before the window, a warning after it, else fine. */
export function checkDocumentDate(doc: DatedDocument, year: number, iso: string): { refused: string | null; warning: string | null } {
  const r = DOCUMENT_DATES[doc];
  const w = r.window(year);
  if (iso < w.from)
    return {
      refused: `成文日期${chineseDate(iso)}早于${chineseDate(w.from)}：${year}年的${r.name}不能在这一天成文，请改为${chineseDate(w.from)}以后的日期。`,
      warning: null,
    };
  if (iso > w.to) return { refused: null, warning: `成文日期${chineseDate(iso)}晚于${chineseDate(w.to)}（${r.name}应在${r.due(year)}），请核实。` };
  return { refused: null, warning: null };
}

export interface DocumentDateLine {
  /** 2024年1月12日, or 2024年, two ideographic spaces, 月, two more, 日 */
  date: string;
  source: 'profile' | 'today' | 'blank';
  /** a date in the window to propose when the clerk is asked (YYYY-MM-DD) */
  proposal: string;
  window: { from: string; to: string };
  /** a given date before the window (the document cannot be made with it) */
  refused: string | null;
  /** a late date, today used, or the line left blank */
  warning: string | null;
}

/** The 成文日期 line of a document: the date given; else today inside the window; else a blank line. */
export function documentDate(doc: DatedDocument, year: number, given: string | null | undefined, today: string): DocumentDateLine {
  const w = documentWindow(doc, year);
  const inWindow = today >= w.from && today <= w.to;
  const proposal = inWindow ? today : today < w.from ? w.from : `${year + 1}-01-15`;
  if (given) {
    const c = checkDocumentDate(doc, year, given);
    return { date: chineseDate(given), source: 'profile', proposal: given, window: w, ...c };
  }
  if (inWindow)
    return {
      date: chineseDate(today),
      source: 'today',
      proposal,
      window: w,
      refused: null,
      warning: `没有填写成文日期，落款暂用今天（${chineseDate(today)}）。正式报送前请填写成文日期。`,
    };
  return {
    date: `${year + 1}年${BLANK}月${BLANK}日`,
    source: 'blank',
    proposal,
    window: w,
    refused: null,
    warning: `还没有填写成文日期；今天不在${chineseDate(w.from)}至${chineseDate(w.to)}之间，落款日期留空（${year + 1}年  月  日），请填写成文日期。`,
  };
}
