import type { WardSpec } from './report-fixture';

const FY = '平成28年度';

/**
 * Seed 004 (大正区, FY H28 self-evaluation), transcribed: two 経営課題, four 戦略, six 具体的取組 with
 * their 業績目標, 撤退基準, results and the section's 課題・改善策 (the SNS initiative's are the seed's
 * own words), and three 成果指標. One hit withdrawal criterion ([6-1-3]) is made up for the test: the
 * extracted pages show none, and the report must print 撤退基準未達成.
 */
export const TAISHO_SEED_004: WardSpec = {
  wardId: 'taisho',
  fiscalYear: 2016,
  scheme: 'taisho',
  sections: [
    { sectionId: 'S-fukushi', department: '保健福祉課', name: '地域福祉担当' },
    { sectionId: 'S-machi', department: '地域課', name: 'まちづくり担当' },
    { sectionId: 'S-koho', department: '総務課', name: '広報担当' },
  ],
  pillars: [
    { pillarId: 'K1', code: '1', title: '「大きな公共を担う活力ある地域社会づくり」に向けて' },
    { pillarId: 'K2', code: '2', title: '「自律した自治体型の区政運営」に向けて' },
  ],
  plans: [
    {
      planId: 'S6-1',
      code: '6-1',
      title: '地域に関わる人のすべてが、お互いに支え合いながら、住み慣れた地域で自分らしく暮らせる地域づくり',
      pillarId: 'K1',
    },
    {
      planId: 'S7-1',
      code: '7-1',
      title: '地域まちづくり実行委員会が、さまざまな活動主体の参加を得て機能的に活動できる状態',
      pillarId: 'K1',
    },
    {
      planId: 'S7-2',
      code: '7-2',
      title: '魅力活性化事業や音楽イベント、緑化事業などを通じて、区民の大正区への愛着心を高める',
      pillarId: 'K1',
    },
    { planId: 'S9-1', code: '9-1', title: '多様な区民の意見やニーズの的確な把握と区政情報の発信', pillarId: 'K2' },
  ],
  projects: [
    {
      project: {
        projectId: 'T-6-1-2',
        name: '地域における要援護者の見守りネットワーク強化事業',
        sectionId: 'S-fukushi',
        home: { planId: 'S6-1', sectionNo: '6-1-2', sectionTitle: '' },
      },
      target: '',
      previous: '見守り活動の実施（全校区）',
      planned:
        '高齢者や障がい者等に対する地域における見守り活動及び高齢者食事サービス事業の一体的な実施により、セーフティ機能の強化を図る。',
      actual: '全校区で見守り活動と食事サービスを一体的に実施した。',
      rating: {
        scheme: 'taisho',
        achievement: 'A',
        implementedAsPlanned: true,
        performanceTarget:
          '地域福祉の担い手に対するアンケート調査で、地域見守り活動が区民の福祉や災害時における要援護者の把握に寄与しているとの評価の割合が60%以上',
        withdrawalCriterion: '評価の割合が50%を下回れば事業手法を再検討する。',
        withdrawalCriterionHit: false,
      },
    },
    {
      project: {
        projectId: 'T-6-1-3',
        name: '見守り相談室の運営',
        sectionId: 'S-fukushi',
        home: { planId: 'S6-1', sectionNo: '6-1-3', sectionTitle: '' },
      },
      target: '',
      previous: '見守り相談室の設置',
      planned:
        '区社会福祉協議会に「見守り相談室」を設置し、要援護者名簿に係る同意確認・名簿整備、孤立世帯等への専門的対応を行う。',
      actual: '名簿の同意確認を進めたが、専門職の欠員により訪問件数が伸びなかった。',
      rating: {
        scheme: 'taisho',
        achievement: 'B',
        implementedAsPlanned: false,
        performanceTarget: '名簿への同意率 60%以上',
        withdrawalCriterion: '同意率が40%未満であれば事業手法を再検討する。',
        withdrawalCriterionHit: true,
        issues: '福祉専門職の欠員が続き、訪問による同意確認が進まなかった。',
        improvements: '欠員を補充し、地域の見守り活動と連携して同意確認を進める。',
        note: '同意率 35%',
      },
    },
    {
      project: {
        projectId: 'T-7-1-1',
        name: '地域まちづくり実行委員会の自主運営の支援',
        sectionId: 'S-machi',
        home: { planId: 'S7-1', sectionNo: '7-1-1', sectionTitle: '' },
      },
      // Seed 004 prints [7-1-1] again under another heading; here under 戦略 7-2, with its own label and one part.
      reposts: [
        {
          planId: 'S7-2',
          sectionNo: '7-1-1',
          sectionTitle: '',
          label: '担い手拡大に向けたラウンドテーブル',
          part: 'ラウンドテーブルの開催',
        },
      ],
      target: '',
      previous: 'ラウンドテーブルの開催（年間12回）',
      planned:
        '地域担当職員を配置し市政情報の提供や活動の支援を行う。新たな地域活動の担い手拡大に向けたラウンドテーブルを開催する。（年間12回）',
      actual: 'ラウンドテーブルを年間12回開催した。',
      rating: {
        scheme: 'taisho',
        achievement: 'A',
        implementedAsPlanned: true,
        performanceTarget: '地域活動協議会の構成団体同士の連携・協働の支援が役に立ったと思う区民の割合 60%以上',
        withdrawalCriterion: '40%未満であれば事業手法を再検討する。',
        withdrawalCriterionHit: false,
      },
    },
    {
      project: {
        projectId: 'T-7-2-1',
        name: 'わがまちビジョン部会の自主企画事業',
        sectionId: 'S-machi',
        home: { planId: 'S7-2', sectionNo: '7-2-1', sectionTitle: '' },
      },
      target: '',
      previous:
        '平成26年度実績 ・子どもたちによる公園への樹木札設置（年1回） ・小学4年生を対象とした10年後の私への手紙（年1回） ・文楽体験と公演（年1回） ・40年後の同窓会（年1回）',
      planned:
        '自主企画事業への参画者募集の実施（年間2回） 区内学校・団体・地域団体等に協働・連携を呼び掛け自主企画事業を実施する（年間4事業）',
      actual:
        '自主企画事業 ・「子どもによる樹木札設置」（7月） ・「10年後の私への手紙」（1月） ・「文楽講座（体験・公演）」（2月） ・「40年後の同窓会」（3月） 参加者アンケートによる大正区に愛着を感じたとの回答 80.66％',
      rating: {
        scheme: 'taisho',
        achievement: 'A',
        implementedAsPlanned: true,
        performanceTarget: '参加者のアンケートによる区への愛着度 80％以上',
        withdrawalCriterion: '参加者のアンケートにより区への愛着度が60％未満であれば事業手法を再検討する。',
        withdrawalCriterionHit: false,
      },
    },
    {
      project: {
        projectId: 'T-9-1-5',
        name: '広報紙の全戸配付とSNSによる区政情報の発信',
        sectionId: 'S-koho',
        home: { planId: 'S9-1', sectionNo: '9-1-5', sectionTitle: '' },
      },
      target: '',
      previous: '広報紙の全戸配付',
      planned:
        '市政・区政に関する情報や地域における情報を広く確実に伝えるため、広報紙の全戸配付を引き続き行う。ツイッターやフェイスブックなどのSNSを活用する。',
      actual:
        '・広報紙に知りたい情報が掲載されていると感じる区民の割合 88.1% ・ホームページアクセス件数 年間51.4万件 ・ツイッターフォロワー数 平成28年度末2,212 ・フェイスブック「いいね」数 平成28年度末595',
      rating: {
        scheme: 'taisho',
        achievement: 'B',
        implementedAsPlanned: true,
        performanceTarget: '区の取組に関して、必要な情報が発信されていると感じる区民の割合80%',
        withdrawalCriterion: '',
        withdrawalCriterionHit: false,
        issues:
          '平成29年1月にリニューアルしたホームページにおいては、システム更新のため、前システムと同条件でアクセス集計ができなかった。また、フェイスブックにおいては、アカウント障害が7月中頃から12月中頃まで発生し、障害解消後、継続した更新を行ったが目標値に届かなかった。',
        improvements:
          'これらフェイスブックをはじめSNSの目標値未達の改善策として、今後、掲載頻度を上げ、さらに、くらしの制度、子育て・健康情報など身近な情報等も掲載し区政等のさらなる情報発信の充実につなげる。',
        note: 'SNS の目標値に届かなかった。',
      },
    },
    {
      project: {
        projectId: 'T-9-1-6',
        name: '区政会議・区民モニターアンケート',
        sectionId: 'S-koho',
        home: { planId: 'S9-1', sectionNo: '9-1-6', sectionTitle: '' },
      },
      target: '',
      previous: '区政会議の開催（3回）',
      planned:
        '区政会議を開催し、区政運営及び区において実施される事務事業に関して区民から意見や評価をいただく。主要なテーマごとにラウンドテーブルを開催する。',
      actual:
        '区政会議の開催（3回） ラウンドテーブルの開催（4テーマで開催） 区民モニターアンケートの実施（2回） 区政会議での内容を区政に反映（2件）',
      rating: {
        scheme: 'taisho',
        achievement: 'A',
        implementedAsPlanned: true,
        performanceTarget: '区政会議の参加者が区政会議での内容が区政に反映されていると感じている割合 50%以上',
      },
    },
  ],
  kpis: [
    {
      kpi: {
        kpiId: 'O-6-1',
        planId: 'S6-1',
        indicator: 'アンケートにおいて「地域で支え合っていると感じる割合」',
        kind: 'outcome',
        sectionId: 'S-fukushi',
        target: '70%',
        targetAsOf: '平成31年度まで',
        baseline: '47.4%',
        baselineAsOf: '平成27年度',
      },
      actual: '54.1%',
      actualAsOf: FY,
      rating: { scheme: 'taisho', achievement: 'A' },
    },
    {
      kpi: {
        kpiId: 'O-7-1',
        planId: 'S7-1',
        indicator:
          'さまざまな市民活動団体が集まって、地域の活動や地域課題について話し合うことが活発になっていると思う区民の割合',
        kind: 'outcome',
        sectionId: 'S-machi',
        target: '60%',
        targetAsOf: '平成29年度まで',
        baseline: '29.2%',
        baselineAsOf: '平成27年度',
      },
      actual: '32.0%',
      actualAsOf: FY,
      rating: { scheme: 'taisho', achievement: 'B', note: '目標に向けた伸びが小さい。' },
    },
    {
      kpi: {
        kpiId: 'O-7-2',
        planId: 'S7-2',
        indicator: '区民の大正区への愛着が深まったと答えた人の割合',
        kind: 'outcome',
        sectionId: 'S-machi',
        target: '70%',
        targetAsOf: '平成29年度まで',
        baseline: '88.5%',
        baselineAsOf: '平成27年度',
      },
      actual: '81.47%',
      actualAsOf: FY,
      rating: { scheme: 'taisho', achievement: 'A' },
    },
  ],
  assessments: [
    {
      planId: 'S6-1',
      assessment: {
        issues: '見守り相談室の専門職の確保。',
        improvements: '地域の見守り活動と相談室の連携を強める。',
        progress: 'b',
        effectiveness: 'continue',
      },
    },
    {
      planId: 'S7-1',
      assessment: {
        issues: '若い世代の地域団体の参加が少ない。',
        improvements: '若い世代で構成された地域団体の加入を促しネットワーク化を図る。',
        progress: 'a',
        effectiveness: 'continue',
      },
    },
  ],
};
