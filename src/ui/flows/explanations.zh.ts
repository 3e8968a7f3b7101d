import type { Explanations } from './explanations.ts';

/**
 * What each state means, in Simplified Chinese (same keys and citations as
 * EXPLANATIONS_EN; tests/ui/flows-zh.test.ts checks both).
 */
export const EXPLANATIONS_ZH: Explanations = {
  'consumer.unaware': {
    title: '不知情',
    text: '购买农产品和工业品时不考虑其生产方式的家庭。宣传活动、媒体和学校可以触及他们。',
    cite: '¶11, ¶15(a), ¶33',
  },
  'consumer.aware': {
    title: '知情',
    text: '知道商品可能由被贩运劳动力生产的家庭。多数仍照旧购买（态度—行为差距）；一些开始回避有污点的商品，一些会遗忘。',
    cite: '¶15(a), ¶25(a), ¶27',
  },
  'consumer.avoiding': {
    title: '回避中',
    text: '按自身关切行事的家庭：有认证商品时购买认证商品，否则少买。他们的压力传导到企业采购方；重回旧习惯的概率是一项你可以更改的假设。',
    cite: '¶11, ¶15(c), ¶25(a)',
  },

  'client.market.inactive': {
    title: '未购买',
    text: '处于商业性服务市场中、但目前没有购买的男性。卖淫法律制度和被起诉的风险影响有多少人开始购买。',
    cite: '¶17, ¶20',
  },
  'client.market.buying': {
    title: '购买中',
    text: '本周购买商业性服务的购买者。他们所购买服务的提供者中有一部分是人口贩运受害者；购买者可能察觉相关迹象。',
    cite: '¶11, ¶14(b)',
  },
  'client.market.suspicious': {
    title: '起疑',
    text: '本周看到人口贩运迹象的购买者。他们可能举报、停止购买或照旧。担心自己被起诉会让一些人保持沉默，除非举报可获豁免。',
    cite: '¶16',
  },
  'client.market.reporting': {
    title: '举报中',
    text: '把所见告知主管机关的购买者。每一次举报都可能立案。举报豁免让这一步对他们更安全。',
    cite: '¶16',
  },
  'client.market.deterred': {
    title: '受威慑',
    text: '在察觉虐待之后、出于对法律的畏惧或在被捕之后停止购买的购买者。一些人之后会回来。',
    cite: '¶16, ¶20, ¶38',
  },
  'client.market.arrested': {
    title: '被捕',
    text: '在使用受害者服务属犯罪之处被抓获的购买者。谁可被起诉取决于罪名（《示范法》选项 A 或 B）以及必须证明的明知程度。',
    cite: '¶20, ¶34-36, ¶38',
  },
  'client.awareness.unaware': {
    title: '不知情',
    text: '没有被任何宣传活动触及或已经遗忘的购买者。他们较少察觉人口贩运的迹象。',
    cite: '¶15(a)',
  },
  'client.awareness.aware': {
    title: '知情',
    text: '被宣传活动触及的购买者：他们更常察觉迹象，也更愿意举报。',
    cite: '¶15(a), ¶25(a)',
  },

  'corporateBuyer.unscreened': {
    title: '未审查',
    text: '从供应商采购而不核查被贩运劳动力的品牌商、零售商和进口商。',
    cite: '¶14(b), ¶32',
  },
  'corporateBuyer.screening': {
    title: '审查中',
    text: '审核其供应商（常在伙伴关系中）并终止与被发现剥削者合作的采购方。剥削可能下移到审核触及不到的分包商。',
    cite: '¶15(c), ¶25(b), ¶32',
  },
  'corporateBuyer.certified': {
    title: '已认证',
    text: '供应链已获认证的采购方：想回避有污点商品的家庭可以向他们购买。',
    cite: '¶15(c), ¶32',
  },

  'employer.compliant': {
    title: '守法',
    text: '本周不使用被贩运劳动力的农场、工厂、分包商、场所和皮条客。当预期收益超过预期成本时，他们开始剥削。',
    cite: '¶12, ¶14(a)',
  },
  'employer.exploiting': {
    title: '剥削中',
    text: '使用被贩运劳动力来压低成本的雇主：派生需求的来源。劳动监察、举报、采购方审核和使用责任都会提高他们的预期成本。',
    cite: '¶12, ¶15(d), ¶20',
  },
  'employer.under-investigation': {
    title: '被调查',
    text: '有案件在办的雇主。案件可能以制裁告终，也可能洗清嫌疑。',
    cite: '¶15(d), ¶16',
  },
  'employer.sanctioned': {
    title: '受制裁',
    text: '被定罪或被罚款的雇主。制裁会改变其他雇主对剥削代价的预期。',
    cite: '¶20, ¶38',
  },
  'employer.closed': {
    title: '已关闭',
    text: '受制裁后或被企业采购方弃用后停业的企业。新企业可能取而代之。',
    cite: '¶15(c), ¶32',
  },

  'recruiter.licence.unregistered': {
    title: '未登记',
    text: '无证经营的机构和中介。在要求持证的地方，他们面临被关停的风险。',
    cite: '¶15(b), ¶25(b)',
  },
  'recruiter.licence.licensed': {
    title: '持证',
    text: '已登记的机构。审核可能发现剥削性做法并吊销许可证。',
    cite: '¶15(b)',
  },
  'recruiter.licence.revoked': {
    title: '被取缔',
    text: '许可证被吊销或被关停的机构。跨境合作使其更难在别处重新开业。',
    cite: '¶4(d), ¶15(b), ¶18',
  },
  'recruiter.conduct.fair': {
    title: '公平',
    text: '以诚实条件把工人安置到体面工作的招聘者。',
    cite: '¶14(c)',
  },
  'recruiter.conduct.exploitative': {
    title: '剥削性',
    text: '欺骗工人或向剥削雇主输送工人的招聘者：需求的第三方层面。',
    cite: '¶12, ¶14(c)',
  },

  'worker.at-risk': {
    title: '有风险',
    text: '可能被招聘者欺骗的求职者。工人组织和移民权利使他们更不易受骗。',
    cite: '¶7, ¶15(e)',
  },
  'worker.recruited': {
    title: '被招募',
    text: '被许诺了工作的工人。接下来他们被安置到体面工作，或陷入剥削。',
    cite: '¶14(c)',
  },
  'worker.employed': {
    title: '就业',
    text: '从事体面工作的工人。工作条件可能恶化为剥削。',
    cite: '¶10, ¶13',
  },
  'worker.exploited': {
    title: '受剥削',
    text: '人口贩运受害者：剥削性市场的供给侧。他们可能被监察员、警察或举报识别，也可能自己举报。',
    cite: '¶10, ¶13, ¶15(d)',
  },
  'worker.identified': {
    title: '已识别',
    text: '已被主管机关识别的受害者。他们获得援助，或在模型中有一部分回到有风险人群。',
    cite: '¶13',
  },
  'worker.assisted': {
    title: '受援助',
    text: '正在接受援助的受害者。一些人找到体面工作；一些人再次被贩运，工人保护有力的地方较少发生。',
    cite: '¶15(e)',
  },

  'case.opened': {
    title: '已立案',
    text: '等待调查人员处理的举报或发现。警力有限，案件需要排队。',
    cite: '¶16',
  },
  'case.investigating': {
    title: '调查中',
    text: '调查人员收集证据。案件被起诉或被撤销。',
    cite: '¶16, ¶36',
  },
  'case.charged': {
    title: '已起诉',
    text: '检方必须证明明知。在“实际明知”标准下定罪可能性最低，在可根据情况推定明知时最高。',
    cite: '¶16, ¶36, ¶38',
  },
  'case.convicted': {
    title: '已定罪',
    text: '定罪：按情景设定判处监禁或罚金。这会提高处境相同的其他人所感知的风险。',
    cite: '¶20, ¶38',
  },
  'case.acquitted': {
    title: '无罪',
    text: '明知或剥削未能得到证明。',
    cite: '¶36',
  },
  'case.dropped': {
    title: '已撤销',
    text: '证据不足以起诉，或没有能力继续追查。',
    cite: '¶16, ¶36',
  },
};
