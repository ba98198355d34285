// One fact, once (spec: Structure, 一). The figures a text states — each with the two
// characters naming it, its value and its unit family — and the app's own sentences
// with every clause left out whose figure the clerk's text already states: the same
// value with the same name, or from 10 up the same value in the same kind of unit
// (`院坝会3场次` ~ `院坝会3次`, `纠纷148件` ~ `共148起`, `1.5万余份` ~ `15000余份`).

export interface StatedFigure {
  /** the two characters before the number */
  label: string;
  value: number;
  unit: string;
  /** written with 余 / 多 */
  approx: boolean;
}

const FIG = /([\u3400-\u9fff]{2})(\d+(?:\.\d+)?)(万)?(余|多)?(场次|人次|次|期|件|起|份|人|名|个|条|处|项|所|家|块|场|宗|篇|户|%)/g;
const FAMILY: Record<string, string> = { 场次: 'e', 次: 'e', 期: 'e', 场: 'e', 件: 'c', 起: 'c', 宗: 'c', 人: 'p', 名: 'p', 人次: 'p', 份: 'm' };

const compact = (s: string) => s.replace(/\s+/g, '').replace(/％/g, '%');

/** Every figure a text states. */
export function statedFigures(text: string): StatedFigure[] {
  return [...compact(text).matchAll(FIG)].map((m) => ({
    label: m[1],
    value: parseFloat(m[2]) * (m[3] ? 10000 : 1),
    unit: m[5],
    approx: !!m[4],
  }));
}

/** The rounding an approximate figure of the app may hide (spec: Number style). */
function step(v: number): number {
  return v < 100 ? 10 : v < 10000 ? 10 ** (String(Math.round(v)).length - 2) : 1000;
}

const sameValue = (app: StatedFigure, clerk: StatedFigure) =>
  app.value === clerk.value || (app.approx && !clerk.approx && clerk.value >= app.value && clerk.value < app.value + step(app.value));

/** The clerk states the app's figure: the same value and name, or from 10 up the same value in the same kind of unit. */
export function sameFact(app: StatedFigure, clerk: StatedFigure): boolean {
  if (!sameValue(app, clerk)) return false;
  if (app.label === clerk.label) return true;
  return app.value >= 10 && app.unit !== '%' && !!FAMILY[app.unit] && FAMILY[app.unit] === FAMILY[clerk.unit];
}

/** What the clerk states: in this area's text (any matching figure), elsewhere in 一 (the same name, from 10 up), and in named places. */
export interface ClerkFigures {
  area: StatedFigure[];
  section: StatedFigure[];
  /** stated elsewhere in the document under the same name, whatever the size (第一责任人's 会议, 学法, 出庭应诉) */
  named?: StatedFigure[];
}

export function isStated(f: StatedFigure, clerk: ClerkFigures): boolean {
  return (
    clerk.area.some((c) => sameFact(f, c)) ||
    (f.value >= 10 && clerk.section.some((c) => c.label === f.label && sameValue(f, c))) ||
    (clerk.named ?? []).some((c) => c.label === f.label && sameValue(f, c))
  );
}

/** Dependent clauses that carry a figure of their own: with their head left out they take its name (培训310人次 → 人民调解员培训310人次). */
const NAMED_DEPENDENT = /^(培训\d|参学|参考|合格\d)/;
/** The name of a head clause: 组织人民调解员培训3次 → 人民调解员培训. */
const headName = (clause: string) => clause.replace(/^(全年)?(组织|开展|召开|举办)?/, '').replace(/\d.*$/, '');

/** Clauses that only make sense after the clause before them. */
const DEPENDENT = /^(其中|均为|同比|占|合格|整改率|培训\d|参学|参考|听取意见|提出审查意见)/;

/**
 * One of the app's sentences without what the clerk already states (or contradicts):
 * a clause or a listed item whose figures are all stated is left out, with the 其中 /
 * 均为 / 同比 clauses hanging on it; `drop` marks clauses to leave out regardless (the
 * clerk states the fact with another value). '' when nothing is left.
 */
export function withoutStated(sentence: string, clerk: ClerkFigures, drop: (clause: string) => boolean = () => false): string {
  const body = sentence.replace(/。$/, '');
  let lostYear = false;
  let anyKept = false;
  const groups = body.split('；').map((g) => {
    const clauses = g.split('，');
    const kept: string[] = [];
    let headDropped = false;
    let droppedName = '';
    clauses.forEach((clause, idx) => {
      if (headDropped && NAMED_DEPENDENT.test(clause)) {
        const figs = statedFigures(clause);
        if (drop(clause) || figs.every((f) => isStated(f, clerk))) return;
        clause = /^培训/.test(clause) && droppedName.endsWith('培训') ? `${droppedName}${clause.slice(2)}` : `${droppedName}${clause}`;
      } else if (headDropped && DEPENDENT.test(clause)) return;
      const lead = /^其中/.test(clause) ? '其中' : '';
      const items = clause.slice(lead.length).split('、');
      const listed = items.length > 1 && items.every((i) => statedFigures(i).length > 0);
      const keep = (listed ? items : [clause.slice(lead.length)]).filter((part) => {
        const figs = statedFigures(part);
        if (drop(part)) return false;
        return !(figs.length > 0 && figs.every((f) => isStated(f, clerk)));
      });
      if (!keep.length) {
        headDropped = !lead && !DEPENDENT.test(clause);
        if (headDropped) droppedName = headName(clause);
        if (idx === 0 && !anyKept && /^全年/.test(clause)) lostYear = true;
        return;
      }
      headDropped = false;
      let text = lead + keep.join('、');
      if (!kept.length && DEPENDENT.test(text)) return;
      if (lostYear && !anyKept && !/^全年/.test(text)) text = `全年${text}`;
      kept.push(text);
      anyKept = true;
    });
    return kept.join('，');
  });
  const rest = groups.filter(Boolean).join('；');
  return rest ? `${rest}。` : '';
}
