import { shiftReiwaYears } from './shift-reiwa-years';

describe('shiftReiwaYears (the demo reuses FY R4 notes for the open year)', () => {
  it('moves every Reiwa year of a note, full-width and R-abbreviated ones too', () => {
    // given FY R4's texts, when reused three years later
    const note = '1か所開設したが、令和5年4月1日現在の施設数は26か所。令和４年度の実績、R4年度末の値。';
    // then each year is three later and nothing else changed
    expect(shiftReiwaYears(note, 3)).toBe(
      '1か所開設したが、令和8年4月1日現在の施設数は26か所。令和7年度の実績、R7年度末の値。',
    );
  });

  it('leaves a text without a Reiwa year, and any text shifted by zero, as it is', () => {
    expect(shiftReiwaYears('計28か所（2022年）', 3)).toBe('計28か所（2022年）');
    expect(shiftReiwaYears('令和5年4月1日', 0)).toBe('令和5年4月1日');
  });
});
