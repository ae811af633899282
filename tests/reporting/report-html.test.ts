import { renderReportHtml, TEMPLATE_VERSION } from '@pdca/reporting';
import { NERIMA, nerimaReport, taishoReport } from './support/reports';

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('renderReportHtml — Nerima FY R4', () => {
  const { model, publication } = nerimaReport();
  const html = renderReportHtml(model, publication, NERIMA);

  it('is a standalone Japanese HTML5 page titled like seed 002', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="ja">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<h1>練馬区 総合戦略・アクションプラン 令和4年度（2022年度）末の進捗状況</h1>');
    expect(html).not.toMatch(/<link |<script|src="http/);
  });

  it('prints the summary table: each grade with count and share, B followed by its 内訳 (the word once), then 合計', () => {
    const row = (head: string, label: string, n: number, share: number, cls = '') =>
      `<tr${cls}><th scope="row">${head}</th><td>${label}</td><td class="num">${n}</td><td class="num">${share}%</td></tr>`;
    const rows = [
      row('A+', '計画以上に進んだもの', 1, 10),
      row('A', '概ね計画どおりのもの', 3, 30),
      row('B', '遅れや修正が生じたもの', 3, 30),
      row('内訳', '新型コロナウイルス感染症の感染拡大による影響を受けたもの', 1, 10, ' class="breakdown"'),
      // 内訳 printed once, as the ward does; later rows keep it for screen readers only.
      row(
        '<span class="visually-hidden">内訳</span>',
        'まちづくり事業等の進捗状況により予定変更が生じたもの',
        1,
        10,
        ' class="breakdown"',
      ),
      row(
        '<span class="visually-hidden">内訳</span>',
        '工事等の進捗状況により予定変更が生じたもの',
        0,
        0,
        ' class="breakdown"',
      ),
      row('<span class="visually-hidden">内訳</span>', 'その他', 1, 10, ' class="breakdown"'),
      row('*', '短期での評価がなじまないもの', 2, 20),
      row('-', '令和4年度末までに取組がないもの', 1, 10),
    ];
    const positions = rows.map((r) => html.indexOf(r));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain(
      '<tfoot><tr class="total"><th scope="row" colspan="2">合計</th><td class="num">10</td><td class="num">100%</td></tr></tfoot>',
    );
    expect(html).toContain('<caption>進捗状況の集計（令和4年度（2022年度））</caption>');
  });

  it('has a caption on every table and a scope on every header cell', () => {
    const tables = count(html, /<table /g);
    expect(tables).toBe(9); // the two tables of chain heads became one line in 公表情報; no table over the years with one year (report-template/5)
    expect(count(html, /<table [^>]*><caption>[^<]+<\/caption>/g)).toBe(tables);
    expect(count(html, /<th(?![^>]*scope=")[ >]/g)).toBe(0);
  });

  it("follows the PDF's order: 表の見方, summary, Part 1 (h2) then Part 2 (h2), each with pillars (h3) and plans (h4)", () => {
    expect(count(html, /<h1>/g)).toBe(1);
    const at = (text: string) => html.indexOf(text);
    const order = [
      '>表の見方</h2>',
      '>進捗状況の集計</h2>',
      '<h2 id="part-kpis-heading">第1部',
      '<h2 id="part-projects-heading">第2部',
      '>公表情報</h2>',
    ].map(at);
    expect(order.every((p) => p > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const part1 = html.slice(at('id="part-kpis"'), at('id="part-projects"'));
    const part2 = html.slice(at('id="part-projects"'));
    expect(count(part1, />基本目標Ⅰ：子どもたちの笑顔輝くまち<\/h3>/g)).toBe(1);
    expect(count(part2, />基本目標Ⅳ：安全・快適、みどりあふれるまち<\/h3>/g)).toBe(1);
    expect(part1).toContain('<table id="kpi-plan-1"');
    expect(part1).not.toContain('<table id="projects-');
    expect(part2).toContain('<table id="projects-plan-1"');
    expect(part2).not.toContain('<table id="kpi-');
    for (const plan of [
      '戦略計画1：子育てのかたちを選択できる社会の実現',
      '戦略計画2：子どもの成長に合わせた切れ目のないサポートの充実',
      '戦略計画12：みどり豊かで快適な空間を創出する交通インフラの整備',
    ]) {
      expect(part2).toContain(`>${plan}</h4>`);
    }
  });

  it('a version published under report-template/1 keeps its old order (pillar h2, plan h3)', () => {
    const old = renderReportHtml(model, { ...publication, templateVersion: 'report-template/1' }, NERIMA);
    expect(old).toContain('>基本目標Ⅰ：子どもたちの笑顔輝くまち</h2>');
    expect(old).not.toContain('>表の見方</h2>');
  });

  it('marks 再掲 rows in words and by style, saying where the project is listed first', () => {
    expect(count(html, /<tr class="repost">/g)).toBe(2);
    expect(html).toContain('<tr class="repost"><th scope="row">産後ケア事業の充実【戦略計画2-1(1)の再掲】</th>');
    expect(html).toContain(
      '<tr class="repost"><th scope="row">発達に不安のある親子のひろば事業 (のびのびひろば)【戦略計画1-1②の再掲】</th>',
    );
    expect(html).toContain('<td>A（再掲）</td>');
    expect(html).toMatch(/tr\.repost th, tr\.repost td \{ background:/);
  });

  it('escapes every text: a note with markup prints as text', () => {
    expect(html).toContain('工期が遅れた &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;引用&quot;');
    expect(html).not.toContain('<script>alert');
  });

  it('prints KPI tables with 達成度 where the values are numeric', () => {
    expect(html).toContain(
      '<tr><th scope="row">認可保育所の増設</th><td>計206所（令和6年4月1日現在）</td><td>計197所（令和4年4月1日現在）</td><td>計206所（令和5年4月1日現在）</td><td class="num">100%</td></tr>',
    );
    expect(html).toContain('<td>年間995,679人（令和4年度末）</td><td class="num">163.8%</td>');
    expect(html).toContain('<td>年間10,798件（令和4年度末）</td><td class="num">—</td>');
  });

  it('prints the plan assessment', () => {
    expect(html).toContain('<tr><th scope="row">課題</th><td>保育需要の地域差が大きい。</td></tr>');
    expect(html).toContain('<tr><th scope="row">次年度の方向性</th><td>待機児童ゼロを維持する。</td></tr>');
  });

  it('embeds accessible SVG charts: role img, a title and the data in words', () => {
    const svgs = html.match(/<svg [^>]*>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    for (const svg of svgs) expect(svg).toMatch(/role="img" aria-labelledby="([^" ]+)-title \1-desc"/);
    expect(count(html, /<title id="chart-/g)).toBe(svgs.length);
    expect(html).toContain(
      '全体：A+（計画以上に進んだもの）1件、A（概ね計画どおりのもの）3件、B（遅れや修正が生じたもの）3件',
    );
    expect(html).toContain(
      'みどりバスの乗車人数：現状値 年間878,354人、実績 年間995,679人、目標値 年間950,000人、達成度 163.8%。',
    );
  });

  it('prints for paper: A4 landscape, a page per pillar, table headers on every page', () => {
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toMatch(
      /@media print \{[^]*section\.pillar \{ break-before: page; \}[^]*thead \{ display: table-header-group; \}/,
    );
  });

  it('ends with the publication (version, date, reason) and 検証用情報: the data position, template and, published, where and how to verify it, worded for a resident', () => {
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain('<caption>版・公表日</caption>');
    expect(footer).toContain('<td>第2版</td>');
    expect(footer).toContain('<td>令和5年9月14日（2023年9月14日）</td>');
    expect(footer).toContain('<th scope="row">訂正の理由</th><td>戦略計画2の実績の誤記を訂正</td>');
    for (const head of Object.values(publication.chainHeads)) expect(footer).not.toContain(head.hash.slice(0, 16));
    // No technical rows: the position and the template are facts of the block's first sentence.
    expect(count(footer, /<tr><th scope="row">/g)).toBe(4);
    expect(footer).not.toMatch(/データ時点|イベント位置|テンプレート版/);
    expect(footer).toContain(
      `<section class="verification" aria-labelledby="verification-heading"><h3 id="verification-heading">検証用情報</h3><p>この報告書は、改ざんを検知できるよう連結して記録した区の評価記録（通し番号${publication.position}まで）から、様式 ${TEMPLATE_VERSION} で作成しました。</p></section>`,
    );
    const verification = {
      address: 'https://ku.example/public/wards/nerima/reports',
      fingerprint: `sha256:4f2a${'0'.repeat(60)}`,
      checkpoint: {
        treeSize: 1234,
        rootHash: 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=',
        keyId: 'c0ffee01',
        time: '2023-09-14T01:00:00.000Z',
      },
    };
    const verified = renderReportHtml(model, { ...publication, verification }, NERIMA);
    expect(verified.slice(verified.indexOf('<footer'))).toContain(
      `確かめるページに載っているこの版の指紋が下の指紋と同じなら、公表後に書き換えられていません。</p><dl><dt>確かめるページ</dt><dd><a href="https://ku.example/public/wards/nerima/reports">https://ku.example/public/wards/nerima/reports</a></dd><dt>この版の指紋</dt><dd>sha256:4f2a${'0'.repeat(60)}</dd><dt>署名済みの控え</dt><dd>令和5年9月14日（2023年9月14日）10:00に署名した記録の控え（チェックポイント：1234件、根 q83vEjRWeJCrze8S…、鍵 c0ffee01）に、この報告書のもとになった記録が含まれています。</dd></dl>`,
    );
    // A version pinned to report-template/4 keeps its rows and its one line.
    const pinned = renderReportHtml(
      model,
      { ...publication, verification, templateVersion: 'report-template/4' },
      NERIMA,
    );
    expect(pinned).toContain(`<td>${publication.position}</td>`);
    expect(pinned).toContain(
      `<th scope="row">検証</th><td>検証 https://ku.example/public/wards/nerima/reports ・ 指紋 sha256:4f2a${'0'.repeat(60)} ・ チェックポイント 1234件 根 q83vEjRWeJCrze8S… 鍵 c0ffee01 2023-09-14T01:00:00.000Z</td>`,
    );
    expect(pinned).not.toContain('検証用情報');
  });

  it('draws trends only when earlier years are given', () => {
    expect(html).not.toContain('評価別の割合の推移');
    const history = [{ fiscalYear: 2021, summary: { ...model.summary } }];
    const kpiHistory = { 'K12-01': [{ fiscalYear: 2021, actual: '年間878,354人', number: 878354 }] };
    const withTrends = renderReportHtml(model, publication, { ...NERIMA, history, kpiHistory });
    expect(withTrends).toContain('<title id="chart-summary-trend-title">評価別の割合の推移</title>');
    expect(withTrends).toContain('令和3年度：A+ 10%（1件）');
    // report-template/3 draws one chart per plan over its multi-year table (tests/reporting/kpi-years.test.ts); /2 kept a chart per KPI.
    expect(withTrends).toContain('みどりバスの乗車人数：令和3年度（2021年度） 92.5%、令和4年度（2022年度） 104.8%。');
    const pinned = renderReportHtml(
      model,
      { ...publication, templateVersion: 'report-template/2' },
      { ...NERIMA, history, kpiHistory },
    );
    expect(pinned).toContain('みどりバスの乗車人数の実績の推移。令和3年度：年間878,354人、令和4年度：年間995,679人。');
  });

  it('says a draft is a draft, and keeps it out of search engines', () => {
    const draft = renderReportHtml(model, { ...publication, status: 'draft' }, NERIMA);
    expect(draft).toContain('<meta name="robots" content="noindex">');
    expect(draft).toContain('<p class="draft" role="note">下書き：公表前の版です。');
    expect(html).not.toContain('class="draft"');
  });
});

// Pinned to report-template/2: a Taisho version published then keeps that layout (the Taisho layout of /3 is tests/reporting/taisho-layout.test.ts).
describe('renderReportHtml — Taisho scheme under report-template/2', () => {
  const { model, publication } = taishoReport();
  const html = renderReportHtml(
    model,
    { ...publication, templateVersion: 'report-template/2' },
    { wardName: '大正区' },
  );

  it('counts A/B per projects and KPIs, withdrawal criteria hit, and what is unrated', () => {
    expect(html).toContain(
      '<tr><th scope="row">取組</th><td>A</td><td>達成</td><td class="num">1</td><td class="num">33%</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">指標</th><td>A</td><td>達成</td><td class="num">1</td><td class="num">100%</td></tr>',
    );
    expect(html).toContain(
      '<tr class="breakdown"><th scope="row" colspan="3">撤退基準に該当した取組</th><td class="num">1</td>',
    );
    expect(html).toContain(
      '<tr><th scope="row" colspan="3">未評価</th><td class="num">1</td><td class="num">25%</td></tr>',
    );
  });

  it('shows 業績目標 / 撤退基準 / 達成状況 and the strategy assessment', () => {
    expect(html).toContain('<th scope="col">業績目標</th><th scope="col">撤退基準</th><th scope="col">達成状況</th>');
    expect(html).toContain(
      '<td>参加者 年間400人</td><td>参加者 年間250人未満（撤退基準に該当）</td><td>B（未達成）</td>',
    );
    expect(html).toContain('<td>b（順調でない）</td>');
    expect(html).toContain('<td>イ（有効でないため、戦略を見直す）</td>');
    expect(html).toContain('<h1>大正区 総合戦略・アクションプラン 平成28年度（2016年度）末の進捗状況</h1>');
  });
});
