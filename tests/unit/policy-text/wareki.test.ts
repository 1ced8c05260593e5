import { describe, expect, it } from 'vitest';
import { findWarekiDate, formatWareki, formatWarekiWithIso, parseWarekiDate } from '@/lib/policy-text/wareki';

describe('parseWarekiDate', () => {
  it.each([
    ['平成１５年１０月１日', '2003-10-01'],
    ['令和元年５月２２日', '2019-05-22'],
    ['令和4年5月26日', '2022-05-26'],
    ['令和４年５月２６日', '2022-05-26'],
    ['令和四年五月二十六日', '2022-05-26'],
    [' 令和 4 年 5 月 26 日 ', '2022-05-26'],
    ['R4.5.26', '2022-05-26'],
    ['R4/5/26', '2022-05-26'],
    ['r04-05-26', '2022-05-26'],
    ['Ｒ４．５．２６', '2022-05-26'],
    ['H15.10.1', '2003-10-01'],
    ['S64.1.7', '1989-01-07'],
    ['令和2年2月29日', '2020-02-29'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和64年1月7日', '1989-01-07'],
    ['昭和元年12月25日', '1926-12-25'],
    ['大正15年12月24日', '1926-12-24'],
    ['大正元年7月30日', '1912-07-30'],
    ['明治45年7月29日', '1912-07-29'],
    ['明治6年1月1日', '1873-01-01'],
    // written before the era change was known: the year still maps to one day
    ['平成31年5月1日', '2019-05-01'],
    ['2022-05-26', '2022-05-26'],
    ['2022/5/26', '2022-05-26'],
    ['2022年5月26日', '2022-05-26'],
    ['２０２２年５月２６日', '2022-05-26'],
  ])('%s → %s', (text, iso) => {
    expect(parseWarekiDate(text)).toBe(iso);
  });

  it.each([
    ['令和4年2月30日', 'no 30 February'],
    ['2023-02-29', 'not a leap year'],
    ['2022-13-01', 'no month 13'],
    ['令和0年1月1日', 'era years start at 元年'],
    ['令和元年4月30日', 'before 令和 began'],
    ['平成32年1月1日', '平成 ended in its 31st year'],
    ['昭和65年1月1日', '昭和 ended in its 64th year'],
    ['明治5年12月31日', 'before the Gregorian calendar was adopted'],
    ['令和4年5月', 'no day'],
    ['X4.5.26', 'unknown era letter'],
    ['この基本方針は、令和４年５月２６日から施行する。', 'a sentence, not a date'],
    ['', 'empty'],
  ])('%s → null (%s)', (text) => {
    expect(parseWarekiDate(text)).toBeNull();
  });
});

describe('findWarekiDate', () => {
  it.each([
    ['この基本方針は、令和４年５月２６日から施行する。', '2022-05-26'],
    ['この基本方針は、平成１５年１０月１日から施行する。', '2003-10-01'],
    ['この規則は、令和元年5月1日から施行し、令和2年4月1日から適用する。', '2019-05-01'],
    ['令和4年2月30日とあるのは令和4年3月1日の誤り', '2022-03-01'],
    ['施行日：R4.5.26（訓令第3号）', '2022-05-26'],
    ['2022年4月1日から施行する。', '2022-04-01'],
    ['令和4年5月26日訓令第3号', '2022-05-26'],
  ])('%s → %s', (text, iso) => {
    expect(findWarekiDate(text)).toBe(iso);
  });

  it('returns null when the sentence has no valid date', () => {
    expect(findWarekiDate('この規則は、公布の日から施行する。')).toBeNull();
    expect(findWarekiDate('令和0年1月1日から施行する。')).toBeNull();
    expect(findWarekiDate('第12345号')).toBeNull();
  });
});

describe('formatWareki', () => {
  it.each([
    ['2022-05-26', '令和4年5月26日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1873-01-01', '明治6年1月1日'],
  ])('%s → %s', (iso, wareki) => {
    expect(formatWareki(iso)).toBe(wareki);
  });

  it('returns what it cannot convert unchanged', () => {
    expect(formatWareki('1872-12-31')).toBe('1872-12-31');
    expect(formatWareki('2022-02-30')).toBe('2022-02-30');
    expect(formatWareki('令和4年')).toBe('令和4年');
  });

  it('adds the ISO date for formatWarekiWithIso', () => {
    expect(formatWarekiWithIso('2022-05-26')).toBe('令和4年5月26日 (2022-05-26)');
    expect(formatWarekiWithIso('2019-05-01')).toBe('令和元年5月1日 (2019-05-01)');
    expect(formatWarekiWithIso('bad')).toBe('bad');
  });

  it('reads back every formatted day from 1873 to 2040', () => {
    const mismatches: string[] = [];
    for (let day = Date.UTC(1873, 0, 1); day <= Date.UTC(2040, 11, 31); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      if (parseWarekiDate(formatWareki(iso)) !== iso) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });
});
