// One line of a check list shown before a report is exported (审稿 of the 法治政府建设情况报告,
// the 核对 of the 政务公开年报): how serious, what, and where to fix it.
export interface ReviewLine {
  key: string;
  tag: 'danger' | 'warning' | 'info';
  /** 不能导出 / 请核对 / 建议 … */
  label: string;
  message: string;
  effect?: 'light' | 'plain' | 'dark';
  /** the link's text (去修改, 打开相关记录 …); none: nothing to follow */
  link?: string | null;
  /** data-* attributes that name the line (data-kind, data-check) */
  attrs?: Record<string, string>;
  classes?: string[];
  /** a one-click fix beside the link (改为台账数字) */
  action?: string | null;
}

/**
 * How many lines of a scrolled list are not (wholly) in view below its visible part:
 * `bottoms` are the lines' lower edges measured from the top of the list's content,
 * `visibleBottom` is scrollTop + the box's height. Half a pixel of rounding is forgiven.
 */
export function linesBelow(bottoms: readonly number[], visibleBottom: number): number {
  return bottoms.filter((b) => b > visibleBottom + 1).length;
}
