/**
 * The presets' names and descriptions in Simplified Chinese, keyed by preset id
 * (the file name in scenarios/ without `.json`). The files keep the English,
 * which the CLI prints; field paths and values stay as written in the file.
 */
export const PRESETS_ZH: Readonly<Record<string, { readonly name: string; readonly description: string }>> = {
  'awareness-campaign': {
    name: '面向消费者和购买性服务者的宣传活动',
    description:
      '为期两年的公共宣传活动（¶15(a)、¶25(a)、¶27），从第 26 周到第 234 周每周触及 3% 的家庭和购买性服务者。其余与基线相同。可以看到消费需求的下降约为派生需求下降的两倍：最终购买者的选择只能微弱地传导到剥削者（¶11-12）。',
  },
  baseline: {
    name: '基线：无需求侧措施',
    description:
      '所有需求侧措施均关闭：没有宣传活动，没有使用受害者服务罪，没有招聘机构许可，没有供应链尽职调查，没有工人保护。劳动监察取 ILO 基准的低端（每 10,000 名工人 0.25 名监察员），卖淫制度取示意性的默认值（出卖入罪，criminalise-selling）。所有其他预设都与之比较。',
  },
  'combined-package': {
    name: '需求侧综合措施',
    description:
      '一套体现工作组 2010 年建议精神的措施（¶25）：面向家庭、购买性服务者和雇主的宣传；附带审核的许可制度；供应链尽职调查；每 10,000 名工人 1 名监察员的劳动监察；工人保护；以及附带举报豁免的选项 B。',
  },
  'greece-323a': {
    name: '希腊刑法第 323A 条',
    description:
      '在完全明知的情况下接受人口贩运受害者的劳动：至少六个月监禁（¶38）。相对基线的改动：interventions.criminaliseUse.variant known-victim（选项 B，¶20），.knowledge actual（完全明知，¶36），.scope all，.penaltyMonths 6（法定最低刑：¶38 没有给出典型刑期，因此取法规唯一确定的数字即最低刑；无罚金）。人口贩运定罪保持默认值（assumptions.sanctions.traffickingMonths 60，traffickingFine 0）：第 323A(1) 条对人口贩运处以最高十年监禁（重罪刑期 5-10 年）并处罚金，因此 60 个月是其量刑区间的下限。其余与基线相同。',
  },
  'labour-inspection': {
    name: '劳动监察提高到 ILO 工业化经济体基准的两倍',
    description: '劳动监察提高到每 10,000 名工人 2 名监察员（ILO 工业化经济体基准 1 的两倍），行政罚款 USD 20,000（¶15(d)）。其余与基线相同。',
  },
  'model-law-option-a': {
    name: 'UNODC《示范法》第 11 条，选项 A',
    description:
      '明知而使用处于剥削条件下的劳动或服务、或从中获利的罪行（¶20），适用于雇主和购买性服务者，以实际明知为证明标准。相对基线的改动：interventions.criminaliseUse.variant exploitation-conditions，.knowledge actual（¶36），.scope all。《示范法》将刑罚交由各国决定（监禁和/或罚金，¶20），因此使用罪保持默认刑罚（6 个月，无罚金），人口贩运保持默认刑期。其余与基线相同。',
  },
  'model-law-option-b': {
    name: 'UNODC《示范法》第 11 条，选项 B',
    description:
      '明知对方是人口贩运受害者而使用其劳动或服务的罪行（¶20；另见欧洲委员会公约第 19 条，¶34-35），以实际明知为证明标准。相对基线的改动：interventions.criminaliseUse.variant known-victim，.knowledge actual（¶36），.scope all。《示范法》将刑罚交由各国决定（监禁和/或罚金，¶20），因此使用罪保持默认刑罚（6 个月，无罚金），人口贩运保持默认刑期。其余与基线相同。',
  },
  'philippines-ra10364': {
    name: '菲律宾第 10364 号共和国法第 13 条',
    description:
      '为卖淫目的购买或使用被贩运者：6-12 年监禁并处 50,000-100,000 比索罚金（¶38）。比索按每比索 0.024 美元换算（约 42 比索兑 1 美元，2012-2013 年平均值；示意性）。相对基线的改动：interventions.criminaliseUse.variant known-victim（选项 B，¶20），.knowledge inferred（根据客观情况推定，¶36），.scope clients，.penaltyMonths 108（72-144 的中点），.fine 1800（中点，75,000 比索）；assumptions.sanctions.traffickingMonths 240 和 .traffickingFine 36000（依经 RA 10364 修订的 RA 9208 处罚人口贩运：20 年及 1-2 百万比索，中点 1.5 百万）。其余与基线相同。',
  },
  'prostitution-criminalise-buying': {
    name: '卖淫制度：购买入罪',
    description: '购买性服务是犯罪，出卖不是（¶17 中的制度之一）。其余与基线相同。可将市场规模、隐蔽比例和识别情况与“非罪化”和“合法规管”预设比较。',
  },
  'prostitution-decriminalise': {
    name: '卖淫制度：非罪化',
    description: '购买和出卖性服务都不是犯罪（¶17）。其余与基线相同。',
  },
  'prostitution-regulate': {
    name: '卖淫制度：合法规管',
    description: '受规管、持证经营的市场，其中的受害者可以被更准确地识别（¶17 中的第二种观点）。其余与基线相同。',
  },
  'recruiter-licensing': {
    name: '招聘机构许可与审核',
    description: '招聘机构必须持证并登记（¶15(b)、¶25(b)）；主管机关每年审核每家机构两次，并与来源国合作（¶4(d)、¶18）。其余与基线相同。',
  },
  'reporting-immunity': {
    name: '选项 B 加举报豁免',
    description: '与《示范法》选项 B 预设相同，另加对举报疑似人口贩运的使用者的豁免（¶16）：它消除了让本会举报的人保持沉默的顾虑。',
  },
  'school-education': {
    name: '学校预防教育',
    description:
      '欧洲委员会公约第 6 条（¶33）：从第 0 周起，学校课程每周触及每一届学生的一半；它们只作用于从学校到成年这段间隔之后组建的家庭，因此效果缓慢。其余与基线相同。',
  },
  'supply-chain-due-diligence': {
    name: '供应链尽职调查伙伴关系',
    description:
      '一半企业采购方加入公私伙伴关系（¶15(c)、¶25(b)、¶32），每年审核每家直接供应商两次；审核对分包商的触及很弱，因此部分剥削沿供应链下移。其余与基线相同。',
  },
  'uganda-2009-s6': {
    name: '乌干达 2009 年《预防人口贩运法》第 6 条',
    description:
      '使用明知或有理由相信是受害者之人的劳动或服务：10 年（¶38）。相对基线的改动：interventions.criminaliseUse.variant known-victim（选项 B，¶20），.knowledge reason-to-believe，.scope all，.penaltyMonths 120（10 年；无罚金）；assumptions.sanctions.traffickingMonths 180（同法第 3 条规定的人口贩运：15 年），使人口贩运的刑罚如该法所定高于使用罪。其余与基线相同。',
  },
  'worker-protection': {
    name: '工人组织与移民权利',
    description:
      '大力支持工人组织并保护移民工人权利（¶15(e)、¶25(b)）：落入欺骗性招聘的人更少，站出来的受害者更多，再次被贩运的人更少。其余与基线相同。',
  },
};
