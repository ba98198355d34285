#!/usr/bin/env node
// Acceptance check of a generated 行政执法数据年度公开 (.docx) against an expect.json from
// shared/fixtures/enforcement-*/ (see shared/spec/enforcement-data.md). Dependency-free: reads the .docx's
// XML, finds each of the five tables by its header words and compares its row of figures.
// Usage: node check-enforcement.mjs DATA.docx EXPECT.json [--verbose]; last line "N/M checks pass".
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

function unzip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error('not a zip file');
  const files = new Map();
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0, n = buf.readUInt16LE(eocd + 10); k < n; k++) {
    const method = buf.readUInt16LE(p + 10),
      size = buf.readUInt32LE(p + 20),
      nl = buf.readUInt16LE(p + 28);
    const el = buf.readUInt16LE(p + 30),
      cl = buf.readUInt16LE(p + 32),
      local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nl);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nl + el + cl;
  }
  return files;
}
const decode = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(+d))
    .replace(/&amp;/g, '&');
const text = (xml) => decode([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).replace(/\s+/g, '');

const [docxPath, expectPath, flag] = process.argv.slice(2);
if (!docxPath || !expectPath) {
  console.error('usage: node check-enforcement.mjs DATA.docx EXPECT.json [--verbose]');
  process.exit(2);
}
const expect = JSON.parse(readFileSync(expectPath, 'utf8'));
const doc = unzip(readFileSync(docxPath)).get('word/document.xml')?.toString('utf8') ?? '';
const paras = doc
  .replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '')
  .split(/<\/w:p>/)
  .map(text)
  .filter(Boolean);
const flat = text(doc);
const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
  [...t[0].matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((m) => [...m[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0]))),
);
const results = [];
const check = (name, ok, detail = '') => results.push({ name, ok: !!ok, detail });
const isFig = (c) => /^\d+(\.\d+)?%?$/.test(c);

check('title', paras.slice(0, 3).join('').includes(`${expect.year}年度行政执法数据`), paras.slice(0, 2).join(' ').slice(0, 60));
check(
  '第一部分 统计表 and 第二部分 总体情况',
  paras.some((p) => p.startsWith('第一部分') && p.includes('统计表')) && paras.some((p) => p.startsWith('第二部分') && p.includes('总体情况')),
);
const TABLES = [
  [
    'penalty',
    '表一 行政处罚',
    ['警告、通报批评', '罚款', '没收违法所得', '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '行政拘留', '合计', '罚没金额'],
  ],
  ['licensing', '表二 行政许可', ['申请数量', '受理数量', '不予许可数量', '撤销许可数量']],
  ['coercion', '表三 行政强制', ['查封场所、设施或者财物', '扣押财物', '冻结存款、汇款', '申请人民法院强制执行']],
  ['other', '表四 其他行政执法行为', ['行政征收', '行政征用', '行政确认', '行政给付', '行政裁决', '行政奖励', '行政检查']],
  ['certification', '表五 持证率', ['持证人数', '持证率']],
];
for (const [key, name, words] of TABLES) {
  const want = expect.tables[key].map(String);
  const t = tables.find((rows) => {
    const head = rows.flat().join('|');
    return words.every((w) => head.includes(w));
  });
  if (!t) {
    check(`${name}: a table with ${words.join('/')}`, false, 'no such table');
    continue;
  }
  const row = [...t].reverse().find((r) => r.filter(isFig).length >= want.length);
  const got = row ? row.filter(isFig).slice(-want.length) : [];
  check(
    `${name} = ${want.join(' ')}`,
    got.length === want.length && got.every((v, i) => (want[i].includes('.') || want[i].endsWith('%') ? v === want[i] : Number(v) === Number(want[i]))),
    `found ${got.join(' ') || 'no row of figures'}`,
  );
}
if (expect.entrustedPenalties > 0)
  check(`the ${expect.entrustedPenalties} entrusted penalties noted apart`, new RegExp(`受委托[^。]{0,12}${expect.entrustedPenalties}宗`).test(flat));
const tail = paras.slice(-4);
check(
  '落款 names the authority',
  tail.some((p) => p.includes(expect.authority)),
);
const dated = tail.map((p) => p.match(/(\d{4})年(\d{1,2})月(\d{1,2})日$/)).filter(Boolean);
const blank = tail.some((p) => new RegExp(`${expect.year + 1}年月日$`).test(p));
check('成文日期 blank or in January of the next year', blank || dated.some((m) => +m[1] === expect.year + 1 && +m[2] === 1), tail.join(' / ').slice(-60));
const leaked = (expect.absent ?? []).filter((s) => flat.includes(s));
check('no personal data', leaked.length === 0, leaked.join(' '));
check(
  'no zero stated as work in the text',
  !paras.some((p) => /(?<![\d.])0(?:宗|件|次|人|名)/.test(p)),
  paras.find((p) => /(?<![\d.])0(?:宗|件|次|人|名)/.test(p))?.slice(0, 40),
);
const failed = results.filter((r) => !r.ok);
for (const r of results) if (!r.ok || flag === '--verbose') console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.detail && !r.ok ? ` — ${r.detail}` : ''}`);
console.log(`${results.length - failed.length}/${results.length} checks pass`);
process.exit(failed.length ? 1 : 0);
