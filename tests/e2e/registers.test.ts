// Every register through the UI: create (with inline validation), filter and
// find, edit, reload and find, delete into the 回收站 and restore.
import { describe, expect, it } from 'vitest';
import type { RegisterName } from '../../electron/shared/registers.ts';
import { currentYear, hasChromium, useApp } from './harness.ts';
import type { RegisterMenu } from './pages/app-shell.ts';
import { toRecord, type FieldInput } from './pages/register-page.ts';

interface Case {
  register: RegisterName;
  nav: RegisterMenu;
  /** a text unique to the record, shown in its row */
  marker: string;
  create: FieldInput;
  /** an enum filter that matches the record: field key and Chinese label */
  filter: [string, string];
  /** an enum filter label that does not match it */
  otherFilter: string;
  edit: FieldInput;
  /** the marker after the edit */
  editedMarker: string;
}

const y = currentYear();
const CASES: Case[] = [
  {
    register: 'activities',
    nav: '普法宣传',
    marker: '宪法宣传周E2E活动',
    create: { date: `${y}-03-15`, title: '宪法宣传周E2E活动', kind: '集中宣传', venue: '乡村', village: '东岗村', audience: 120, laws: ['宪法', '民法典'] },
    filter: ['kind', '集中宣传'],
    otherFilter: '法治讲座',
    edit: { title: '宪法宣传周E2E活动（已改）', audience: 150 },
    editedMarker: '宪法宣传周E2E活动（已改）',
  },
  {
    register: 'mediationCases',
    nav: '人民调解',
    marker: 'E2E调〔2026〕7号',
    create: { caseNo: 'E2E调〔2026〕7号', acceptedOn: `${y}-04-02`, type: '邻里', status: '调解中', village: '西坪村', mediator: '周德才' },
    filter: ['type', '邻里'],
    otherFilter: '合同',
    edit: { caseNo: 'E2E调〔2026〕8号', status: '调解成功', closedOn: `${y}-04-20`, agreement: '书面协议', amount: 3000 },
    editedMarker: 'E2E调〔2026〕8号',
  },
  {
    register: 'inspections',
    nav: '行政执法',
    marker: 'E2E烟花爆竹店',
    create: { date: `${y}-05-08`, field: '消防', target: 'E2E烟花爆竹店', village: '梨园村', issuesFound: 3, issuesRectified: 1, outcome: '责令整改' },
    filter: ['field', '消防'],
    otherFilter: '食品安全',
    edit: { outcome: '行政处罚', penaltyKind: '罚款', penaltyAmount: 500, penaltyDecisionNo: '永执罚〔2026〕3号' },
    editedMarker: 'E2E烟花爆竹店',
  },
  {
    register: 'workItems',
    nav: '其他法治工作',
    marker: 'E2E党委理论学习中心组学法',
    create: { date: `${y}-06-12`, category: '集体学法', title: 'E2E党委理论学习中心组学法', participants: 25 },
    filter: ['category', '集体学法'],
    otherFilter: '政务公开',
    edit: { title: 'E2E党委理论学习中心组学法（民法典）', participants: 30 },
    editedMarker: 'E2E党委理论学习中心组学法（民法典）',
  },
];

describe.skipIf(!hasChromium)('registers through the UI', () => {
  const app = useApp();
  const total = async (register: RegisterName) => (await app.call(`${register}.list` as 'activities.list', { year: y })).total;

  describe.each(CASES)('$nav', (c) => {
    /** the record as the create step leaves it (and as the edit step leaves it), written through the API */
    const created = () => app.call(`${c.register}.create` as 'activities.create', { record: toRecord(c.register, c.create) as never });
    const edited = () => app.call(`${c.register}.create` as 'activities.create', { record: toRecord(c.register, { ...c.create, ...c.edit }) as never });

    it('shows an empty state that says what to do', async () => {
      await app.shell.goto(c.nav);
      await app.page.getByTestId('empty').getByText(`${y}年还没有`).waitFor();
    });

    it('refuses an incomplete record with inline messages, then creates it', async () => {
      const reg = await app.shell.goto(c.nav);
      await reg.openNew();
      await reg.save();
      const required = reg.def.fields.filter((f) => f.required);
      for (const f of required) {
        expect(await reg.fieldError(f.key).innerText()).toContain(f.label);
      }
      await reg.fill(c.create);
      for (const f of required) await reg.fieldError(f.key).waitFor({ state: 'detached' });
      await reg.saveAndClose();
      await reg.rows(c.marker).first().waitFor();
      expect(await reg.rows().count()).toBe(1);
      expect(await total(c.register)).toBe(1);
    });

    it('finds it with the keyword and enum filters', async () => {
      await created();
      const reg = await app.shell.goto(c.nav);
      await reg.search(c.marker.slice(0, 6));
      await reg.rows(c.marker).first().waitFor();
      await reg.search('没有这样的记录');
      await app.page.getByText('没有符合筛选条件的记录').waitFor();
      await reg.clearFilters();
      await reg.filterBy(c.filter[0], c.otherFilter);
      await app.page.getByText('没有符合筛选条件的记录').waitFor();
      await reg.filterBy(c.filter[0], c.filter[1]);
      await reg.rows(c.marker).first().waitFor();
      await reg.clearFilters();
    });

    it('edits it', async () => {
      await created();
      const reg = await app.shell.goto(c.nav);
      await reg.openEdit(c.marker);
      if (c.register === 'inspections') {
        // penalty fields appear only for 行政处罚
        expect(await reg.fieldItem('penaltyKind').count()).toBe(0);
        await reg.fill({ outcome: '行政处罚' });
        await reg.fieldItem('penaltyKind').waitFor();
        await reg.save();
        expect(await reg.fieldError('penaltyKind').innerText()).toContain('处罚种类');
      }
      await reg.fill(c.edit);
      await reg.saveAndClose();
      await app.shell.expectSuccess('已保存修改');
      await reg.rows(c.editedMarker).first().waitFor();
      const list = await app.call(`${c.register}.list` as 'activities.list', { year: y });
      const saved = list.items[0] as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(c.edit)) {
        const f = reg.def.fields.find((x) => x.key === k)!;
        if (f.type === 'enum') expect(f.options?.[String(saved[k])]).toBe(v);
        else expect(saved[k]).toEqual(v);
      }
    });

    it('still shows it after a reload', async () => {
      await edited();
      const reg = await app.shell.goto(c.nav);
      await reg.rows(c.editedMarker).first().waitFor();
      await app.page.reload();
      await reg.waitLoaded();
      await reg.rows(c.editedMarker).first().waitFor();
    });

    it('deletes it into the 回收站 and restores it', async () => {
      await edited();
      const reg = await app.shell.goto(c.nav);
      await reg.delete(c.editedMarker);
      await app.shell.expectSuccess('已删除');
      await app.page.getByTestId('empty').waitFor();
      await reg.openRecycle();
      await reg.recycleRows(c.editedMarker).first().waitFor();
      await reg.restore(c.editedMarker);
      await app.shell.expectSuccess('已恢复');
      await reg.closeRecycle();
      await reg.rows(c.editedMarker).first().waitFor();
      expect(await total(c.register)).toBe(1);
    });
  });

  it('warns before closing a dialog with unsaved changes', async () => {
    const shell = app.shell;
    const reg = await shell.goto('普法宣传');
    await reg.openNew();
    await reg.fill({ title: '未保存的活动' });
    await reg.cancel();
    await shell.confirmBox('继续编辑');
    expect(await reg.dialog.isVisible()).toBe(true);
    await reg.cancel();
    await shell.confirmBox('放弃修改');
    await reg.dialog.waitFor({ state: 'hidden' });
  });

  it('shows the year counts on 首页', async () => {
    for (const c of CASES) await app.call(`${c.register}.create` as 'activities.create', { record: toRecord(c.register, c.create) as never });
    const home = await (await app.reload()).goto('首页');
    for (const c of CASES) {
      await home.card(c.register).getByTestId('count').filter({ hasText: /^1$/ }).waitFor();
    }
  });
});
