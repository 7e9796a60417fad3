"""Clinical scenarios for the demo cases: one clinical story per scenario, reused with varied patients.

A scenario holds what a referral says (complaint, history, the question to the team), the diagnosis and
stage, each discipline's opinion and the team's decision. The wording follows CSCO 2025 practice as a
county hospital would apply it; it is illustrative demo content, not medical advice.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scenario:
    key: str
    tumour: str
    site: str
    icd10: tuple[str, str]
    histology: tuple[str, str]
    grade: str
    stage: tuple[str, str, str, str, str]  # prefix, T, N, M, group
    complaint: str  # "{dur}" is replaced by a duration
    history: str
    purpose: str
    question: str
    biomarkers: dict
    opinions: dict[str, str]  # discipline code -> opinion
    summary: str  # the chair's summary
    modalities: tuple[str, ...]
    intent: str
    plan: str
    actions: tuple[tuple[str, str], ...]  # (what, department code)
    system: str = "AJCC"
    edition: str = "8"
    conference: str = "pre_treatment"
    prior: str = ""
    treat_where: str = "local"
    referral_target: str = ""
    stage_extra: dict = field(default_factory=dict)


COMORBIDITIES = ["高血压病2级", "2型糖尿病", "慢性阻塞性肺疾病", "冠状动脉粥样硬化性心脏病", "慢性乙型病毒性肝炎",
                 "脑梗死后遗症", "慢性胃炎", "高脂血症", "甲状腺功能减退症", "腰椎间盘突出症"]

NURSING = [
    "NRS2002营养风险筛查3分，存在营养风险，建议营养科会诊并给予口服营养补充；做好心理疏导及家属沟通。",
    "患者对疾病认知不足、焦虑明显，建议责任护士加强健康宣教，治疗期间做好PICC/输液港维护指导。",
    "高龄、独居农村，建议出院前落实随访联系人和复诊时间，必要时联系乡镇卫生院协助随访。",
    "围手术期注意呼吸功能锻炼及深静脉血栓预防，Caprini评分中危，建议机械预防联合早期下床活动。",
]

EXTRA_DISCIPLINE_OPINION = {
    "respiratory": "肺功能FEV1占预计值约78%，弥散功能轻度下降，可耐受拟定治疗；治疗前控制慢性气道疾病，戒烟。",
    "gastroenterology": "胃镜/肠镜所见与病理一致，建议治疗前纠正贫血、评估营养状况，必要时内镜下放置营养管。",
}

FOLLOW_ON_QUESTIONS = {
    "post_operative": ("术后辅助治疗决策",
                       "术后病理回报{stage}，切缘阴性。是否需要辅助治疗？若需要，推荐何种方案、周期及开始时间？"),
    "post_treatment": ("治疗后疗效评估",
                       "既定治疗已完成，复查影像评估为部分缓解（PR）。下一步维持治疗、局部巩固治疗还是定期观察？"),
    "recurrence": ("复发/进展后治疗决策",
                   "规律复查发现疑似复发转移灶，是否需要再次活检明确病理？后续治疗方案如何选择？"),
}


def all_scenarios() -> list[Scenario]:
    from app.demo.scenarios_digestive import SCENARIOS as digestive
    from app.demo.scenarios_thoracic import SCENARIOS as thoracic
    from app.demo.scenarios_women import SCENARIOS as women

    return [*thoracic, *digestive, *women]


def duration(rng: random.Random) -> str:
    return rng.choice(["半月", "1月", "1月余", "2月", "2月余", "3月", "半年"])


def comorbidities(rng: random.Random, age: int) -> str:
    n = rng.choices([0, 1, 2, 3], [3, 4, 3, 1] if age >= 60 else [6, 3, 1, 0])[0]
    found = rng.sample(COMORBIDITIES, n)
    return "；".join(found) if found else "否认高血压、糖尿病等慢性病史"


def ecog_for(rng: random.Random, age: int, intent: str) -> int:
    weights = [5, 4, 1] if intent == "curative" else [2, 5, 3]
    if age >= 75:
        weights = [1, 5, 3]
    return rng.choices([0, 1, 2], weights)[0]


MODALITY_ZH = {"surgery": "手术", "radiotherapy": "放疗", "chemotherapy": "化疗", "targeted": "靶向治疗",
               "immunotherapy": "免疫治疗", "endocrine": "内分泌治疗", "interventional": "介入治疗", "tcm": "中医药",
               "supportive": "最佳支持治疗", "observation": "观察随访", "trial": "临床试验", "workup": "进一步检查"}

FOLLOW_UP_STATUS = [("无瘤生存", "复查未见复发转移，一般情况良好"), ("部分缓解", "复查病灶较前缩小，耐受良好"),
                    ("疾病稳定", "复查病灶大致同前，继续原方案"), ("无瘤生存", "术后恢复良好，切口愈合佳")]
