// 身份证号 (GB 11643) and phone numbers of the parties list, checked with Chinese
// messages naming the field, on every door (here the API; the form and imports
// share validateRecord).
import { describe, expect, it } from 'vitest';
import { checkIdNumber, checkPhone, idCheckChar } from '../../../electron/shared/validation.ts';
import { err, memoryCore, ok, SAMPLES } from '../../helpers/core.ts';

describe('身份证号', () => {
  it('the GB 11643 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    expect(checkIdNumber(`33010219850412123${idCheckChar('33010219850412123')}`)).toMatch(/^33010219850412123[\dX]$/);
  });
  it.each([
    ['11010519491231002X', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002X'],
    ['110105 19491231 002X', '11010519491231002X'],
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
  ])('%s is taken as %s', (raw, stored) => expect(checkIdNumber(raw)).toBe(stored));
  it.each([
    ['11010519491231002', '应为18位（现有17位）'],
    ['110105491231002', '15位的旧号码'],
    ['ABCDEFGHIJKLMNOPQR', '只能由数字和末位的X组成'],
    ['1101051949X231002X', '只有最后一位可以是X'],
    ['110105209912310028', '晚于今天'],
    ['110105194902300023', '不是有效日期'],
    ['110105194912310021', '校验位不对'],
  ])('%s is refused: %s', (raw, msg) => expect((checkIdNumber(raw) as { error: string }).error).toContain(msg));
});

describe('联系电话', () => {
  it.each(['13800138000', '+86 138 0013 8000', '138-0013-8000', '0571-88888888', '(0571)8888 8888', '（0571）88888888', '88888888', '0571-88888888转123'])(
    '%s is taken',
    (raw) => expect(checkPhone(raw)).toBe(raw),
  );
  it.each([
    ['1380013800', '不是有效的手机号码'],
    ['12800138000', '不是有效的手机号码'],
    ['电话号码', '只能由数字组成'],
    ['0571', '不是有效的电话号码'],
  ])('%s is refused: %s', (raw, msg) => expect((checkPhone(raw) as { error: string }).error).toContain(msg));
});

describe('on save', () => {
  it('a 17-digit ID or a wrong phone is not saved; the message names the field', async () => {
    const core = memoryCore();
    const save = (party: Record<string, unknown>) =>
      core.call('mediationCases.create', { record: { ...SAMPLES.mediationCases, caseNo: null, partyList: [{ role: 'applicant', name: '甲', ...party }] } });
    expect(err(await save({ idNumber: '11010519491231002' })).message).toContain('「当事人信息」第1项的「身份证号」应为18位（现有17位）');
    expect(err(await save({ phone: '1380013800' })).message).toContain('「当事人信息」第1项的「联系电话」不是有效的手机号码');
    expect(err(await save({ idNumber: '11010519491231002X', birthDate: '1949-12-30' })).message).toContain('「出生日期」与「身份证号」中的出生日期不一致');
    const c = ok(await save({ idNumber: '110105 19491231 002x', birthDate: '1949-12-31', phone: '138 0013 8000' }));
    expect(c.partyList[0]).toMatchObject({ idNumber: '11010519491231002X', phone: '138 0013 8000' });
    core.close();
  });
});
