// The one personal-data screen of every public document: numbers in every written
// form, the parties lists' names (not the stale 当事人 text), the 政务公开年报
// refused like the report, and the mask of exports without personal data.
import { describe, expect, it } from 'vitest';
import { findPersonalData, loadPartyNames, maskPersonalData, nameIndex, screenText } from '../../../electron/core/privacy/screen.ts';
import { memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

describe('numbers in every written form', () => {
  const kinds: [string, string | null][] = [
    ['身份证11010119900307123X', 'id'],
    ['身份证 110101 19900307 123x', 'id'],
    ['身份证110101-1990-0307-1234', 'id'],
    ['身份证１１０１０１１９９００３０７１２３Ｘ', 'id'],
    ['老身份证110101900307123', 'id'],
    ['电话13800138000', 'mobile'],
    ['电话+8613800138000', 'mobile'],
    ['电话+86 138 0013 8000', 'mobile'],
    ['电话138-0013-8000', 'mobile'],
    ['电话138 0013 8000', 'mobile'],
    ['电话１３８００１３８０００', 'mobile'],
    ['电话１３８－００１３－８０００', 'mobile'],
    ['电话0571-8888 8888', 'landline'],
    ['电话(0571)88888888', 'landline'],
    ['电话（0571）88888888', 'landline'],
    ['电话010-12345678', 'landline'],
    // not personal: counts, dates, amounts, a 17-digit serial
    ['发放资料5000份，编号20231234567890123', null],
    ['2025-12-05开展宣传，受众 320 人次，发放 1 200 份', null],
    ['金额12,345.00元，2024年3月15日', null],
  ];
  it.each(kinds)('%s → %s', (text, kind) => {
    expect(screenText(text)).toBe(kind);
  });

  it('masks what it finds, keeping the text around it', () => {
    const names = nameIndex(['王海波', '欧阳明月']);
    expect(maskPersonalData('王海波（电话138-0013-8000）与欧阳明月协商', names)).toBe('王某某（电话［电话已隐去］）与欧某某协商');
    expect(maskPersonalData('身份证１１０１０１１９９００３０７１２３Ｘ。', names)).toBe('身份证［身份证号已隐去］。');
    expect(findPersonalData('无个人信息的文字', names)).toEqual([]);
  });

  it('indexes names of two characters or more, full-width letters as half-width, each once', () => {
    // one character (𠀀 is one, in two UTF-16 units) would match everywhere; digits and dashes are no name
    const names = nameIndex(['李', '𠀀', '𠀀明', 'Ｌｉ　Ｍｉｎｇ', '王海波', '王海波', ' 王海波 ', '138-0013', '\ud800a']);
    expect(names.size).toBe(4);
    expect([...names.byFirst.keys()].sort()).toEqual(['L', '王', '\ud800', '\ud840'].sort());
    expect(maskPersonalData('𠀀明与李、Li Ming谈话', names)).toBe('𠀀某与李、L某某谈话');
    expect(findPersonalData('只有𠀀一个字', names)).toEqual([]);
  });
});

describe('the parties lists are the names screened', () => {
  it('reads every listed name (also of binned cases), not the stale 当事人 text', async () => {
    const core = memoryCore();
    ok(
      await core.call('mediationCases.create', {
        record: {
          ...SAMPLES.mediationCases,
          parties: '张三',
          partyList: [
            { role: 'applicant', name: '张三' },
            { role: 'respondent', name: '赵后来' },
          ],
        },
      }),
    );
    const old = ok(await core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, caseNo: null, parties: '孙旧案、周旧案' } }));
    ok(await core.call('mediationCases.delete', { id: old.id }));
    const names = loadPartyNames(core.ctx.db);
    expect(screenText('走访赵后来家', names)).toBe('name');
    expect(screenText('周旧案', names)).toBe('name');
    expect(screenText('李四', names)).toBeNull();
    core.close();
  });
});

describe('the 政务公开年报 has the same screen', () => {
  it('lists each text holding personal data and refuses to export', async () => {
    const core = memoryCore();
    ok(
      await core.call('mediationCases.create', {
        record: { ...SAMPLES.mediationCases, acceptedOn: '2025-04-02', closedOn: '2025-04-05', partyList: [{ role: 'applicant', name: '钱多多' }] },
      }),
    );
    ok(await core.call('years.saveProfile', { year: 2025, openness: { narrative: { problems: '群众钱多多反映电话＋８６ １３８ ００１３ ８０００打不通' } } }));
    const model = ok(await core.call('openness.model', { year: 2025 }));
    const personal = model.warnings.filter((w) => w.id === 'openness.personal_data');
    expect(personal).toHaveLength(1);
    expect(personal[0].severity).toBe('error');
    expect(personal[0].message).toMatch(/^2025年政务公开年报的“.*的文字”含有/);
    expect(personal[0].message).not.toContain('钱多多');
    const res = await core.call('openness.export', { year: 2025 });
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.message).toContain('政务公开年报中会出现个人信息，已停止导出');
    expect(ok(await core.call('openness.status', { year: 2025 })).exportedAt).toBeNull();
    ok(await core.call('years.saveProfile', { year: 2025, openness: { narrative: { problems: '群众反映电话打不通' } } }));
    expect(ok(await core.call('openness.export', { year: 2025 })).bytes).toBeGreaterThan(1000);
    core.close();
  });
});

describe('a package without personal data', () => {
  it('carries none of the parties’ names, IDs or phones anywhere', async () => {
    const core = memoryCore();
    ok(await core.call('settings.update', { township: { name: '石桥乡', authority: '临江县石桥乡人民政府' } }));
    ok(
      await core.call('mediationCases.create', {
        record: {
          ...SAMPLES.mediationCases,
          agreement: 'written',
          partyList: [
            { role: 'applicant', name: '钱多多', phone: '13800138000', idNumber: '11010519491231002X' },
            { role: 'respondent', name: '孙有才' },
          ],
          performance: '由孙有才于5日内付给钱多多1200元',
          notes: '钱多多电话138-0013-8000',
        },
      }),
    );
    ok(await core.call('inspections.create', { record: { ...SAMPLES.inspections, target: '孙有才的养殖场' } }));
    ok(await core.call('disclosureRequests.create', { record: { ...SAMPLES.disclosureRequests, subject: '钱多多申请公开征地文件' } }));
    ok(await core.call('years.saveProfile', { year: 2024, narrative: { other: '走访了钱多多家' } }));
    const content = ok(await core.call('exchange.export', {})).content;
    for (const secret of ['钱多多', '孙有才', '13800138000', '138-0013-8000', '11010519491231002X']) expect(content).not.toContain(secret);
    const pkg = JSON.parse(content);
    expect(pkg.mediationCases[0].performance).toBe('由孙某某于5日内付给钱某某1200元');
    expect(pkg.inspections[0].target).toBe('孙某某的养殖场');
    // with personal data asked for, every text is as typed
    expect(ok(await core.call('exchange.export', { withPersonal: true })).content).toContain('由孙有才于5日内付给钱多多1200元');
    core.close();
  });
});
