"""Demo scenarios for the digestive team: oesophageal, gastric, colorectal and liver cancer."""

from __future__ import annotations

from app.demo.clinical import Scenario

SCENARIOS = [
    Scenario(
        key="oeso_neoadjuvant", tumour="oesophageal", site="食管中段",
        icd10=("C15.4", "食管中段恶性肿瘤"), histology=("8070/3", "鳞状细胞癌"), grade="G2",
        stage=("c", "T3", "N1", "M0", "III"),
        complaint="进行性吞咽困难{dur}",
        history="进食哽噎感逐渐加重，目前可进半流质，体重下降约4kg。胃镜示距门齿28-33cm食管新生物，活检示鳞状细胞"
                "癌。超声内镜示病变侵透肌层，食管旁淋巴结1枚肿大。",
        purpose="可切除局部晚期食管癌新辅助治疗决策",
        question="食管中段鳞癌cT3N1M0 III期，可切除。新辅助同步放化疗后手术，还是新辅助化疗联合免疫后手术？营养不良"
                 "是否需先行营养支持？",
        biomarkers={"PD-L1": "CPS 10", "Ki-67": "50%"},
        opinions={
            "radiology": "食管中段管壁不规则增厚约5cm，外膜面毛糙，与主动脉分界清；食管旁淋巴结约1.2cm，cT3N1。",
            "pathology": "胃镜活检：中分化鳞状细胞癌，P40(+)、CK5/6(+)。",
            "surgery": "病变可切除，建议新辅助治疗后6-8周行胸腹腔镜联合食管癌根治术（McKeown）+二野淋巴结清扫。",
            "medical_oncology": "新辅助同步放化疗（紫杉醇+卡铂周疗）证据最充分（NEOCRTEC5010/CROSS）；新辅助免疫联合"
                                "化疗可作为临床研究选择。",
            "radiation_oncology": "建议新辅助放疗41.4Gy/23f，同步化疗；我院可实施。",
            "gastroenterology": "可在胃镜下放置鼻空肠营养管，保证治疗期间肠内营养。",
        },
        summary="食管中段鳞癌cT3N1M0 III期。建议新辅助同步放化疗后行食管癌根治术，治疗期间经鼻空肠营养管肠内营养。",
        modalities=("radiotherapy", "chemotherapy", "surgery"), intent="curative",
        plan="1. 放置鼻空肠营养管；2. 新辅助放疗41.4Gy/23f同步紫杉醇+卡铂周疗；3. 结束后6-8周复查评估，行胸腹腔镜"
             "食管癌根治术。",
        actions=(("内镜下放置鼻空肠营养管", "gastroenterology"), ("新辅助放化疗", "radiotherapy")),
    ),
    Scenario(
        key="oeso_elderly", tumour="oesophageal", site="食管下段",
        icd10=("C15.5", "食管下段恶性肿瘤"), histology=("8070/3", "鳞状细胞癌"), grade="G2",
        stage=("c", "T2", "N0", "M0", "II"),
        complaint="进食后胸骨后不适{dur}",
        history="进食后胸骨后烧灼感。胃镜示距门齿35-38cm溃疡型病变，活检示鳞癌。既往慢阻肺10年，活动后气促。",
        purpose="高龄合并症患者的治疗方式选择",
        question="高龄合并慢阻肺，食管下段鳞癌cT2N0M0 II期，手术耐受性差（FEV1 1.1L）。能否以根治性放化疗替代手术？"
                 "若化疗不耐受，单纯放疗是否可行？",
        biomarkers={"Ki-67": "40%"},
        opinions={
            "radiology": "食管下段局限性管壁增厚约3cm，未见外侵及淋巴结肿大，cT2N0M0。",
            "pathology": "活检：中分化鳞状细胞癌。",
            "surgery": "肺功能差，开胸或胸腔镜食管切除围手术期肺部并发症风险高，不推荐手术。",
            "medical_oncology": "可行根治性同步放化疗，化疗选用耐受性较好的单药卡培他滨或替吉奥口服。",
            "radiation_oncology": "根治性放疗50-50.4Gy/25-28f，同步口服单药化疗；若不耐受可行单纯放疗60Gy。",
            "respiratory": "慢阻肺GOLD 3级，治疗前规律吸入噻托溴铵，放疗期间警惕放射性肺炎加重呼吸衰竭。",
        },
        summary="食管下段鳞癌cT2N0M0 II期，高龄合并慢阻肺不宜手术。建议根治性同步放化疗（单药替吉奥），治疗中加强"
                "呼吸管理与营养支持。",
        modalities=("radiotherapy", "chemotherapy"), intent="curative",
        plan="1. 根治性放疗50.4Gy/28f；2. 同步替吉奥口服；3. 呼吸内科共同管理慢阻肺。",
        actions=(("根治性放疗定位", "radiotherapy"), ("慢阻肺药物调整", "respiratory")),
    ),
    Scenario(
        key="gastric_neoadjuvant", tumour="gastric", site="胃窦",
        icd10=("C16.3", "胃窦恶性肿瘤"), histology=("8140/3", "腺癌"), grade="G3",
        stage=("c", "T4a", "N2", "M0", "III"),
        complaint="上腹部隐痛、黑便{dur}",
        history="上腹隐痛伴间断黑便，Hb 86g/L。胃镜示胃窦小弯侧溃疡型肿物，活检示低分化腺癌。增强CT示胃窦壁增厚"
                "侵及浆膜，胃周多发淋巴结肿大。",
        purpose="局部进展期胃癌围手术期治疗",
        question="胃窦低分化腺癌cT4aN2M0 III期。是否先行腹腔镜探查+腹腔灌洗细胞学排除腹膜转移？新辅助化疗选SOX还是"
                 "FLOT，几个周期后手术？",
        biomarkers={"HER2": "1+（阴性）", "MMR": "pMMR", "PD-L1": "CPS 3", "EBER": "阴性", "Ki-67": "70%"},
        opinions={
            "radiology": "胃窦壁不均匀增厚约1.8cm，浆膜面毛糙，胃周及幽门下淋巴结多发肿大；腹膜未见明确结节，少量"
                         "盆腔积液，需警惕隐匿腹膜转移。",
            "pathology": "活检：低分化腺癌，部分印戒细胞成分；HER2(1+)，MLH1/MSH2/MSH6/PMS2均(+)，pMMR。",
            "surgery": "建议先行腹腔镜探查及腹腔灌洗细胞学，无腹膜转移者新辅助化疗3周期后行D2根治术。",
            "medical_oncology": "推荐SOX方案新辅助3周期（RESOLVE研究），术后继续SOX辅助至总疗程半年。",
            "radiation_oncology": "胃癌围手术期以化疗为主，暂无放疗指征。",
            "gastroenterology": "治疗前纠正贫血，输注悬浮红细胞及静脉铁剂，质子泵抑制剂止血。",
        },
        summary="胃窦低分化腺癌cT4aN2M0 III期，HER2阴性、pMMR。建议腹腔镜探查+腹腔灌洗细胞学，无腹膜转移则SOX新辅助"
                "3周期后D2根治术。",
        modalities=("workup", "chemotherapy", "surgery"), intent="curative",
        plan="1. 纠正贫血；2. 1周内腹腔镜探查+腹腔灌洗；3. SOX q3w×3后复查，行腹腔镜辅助远端胃D2根治术。",
        actions=(("腹腔镜探查+腹腔灌洗细胞学", "gastro_surgery"), ("SOX方案新辅助化疗", "oncology")),
    ),
    Scenario(
        key="gastric_postop", tumour="gastric", site="贲门",
        icd10=("C16.0", "贲门恶性肿瘤"), histology=("8140/3", "腺癌（管状腺癌）"), grade="G2",
        stage=("p", "T3", "N2", "M0", "IIIA"), conference="post_operative",
        complaint="贲门癌根治术后{dur}",
        history="因贲门腺癌行腹腔镜辅助近端胃切除术，术后恢复顺利。术后病理：中分化管状腺癌，侵及浆膜下层，"
                "淋巴结4/26枚转移，切缘阴性。",
        prior="腹腔镜辅助近端胃切除+D2淋巴结清扫术",
        purpose="术后辅助治疗决策",
        question="贲门腺癌术后pT3N2M0 IIIA期，切缘阴性。辅助化疗选XELOX还是SOX，疗程半年？是否需要辅助放疗？",
        biomarkers={"HER2": "2+，FISH阴性", "MMR": "pMMR", "Ki-67": "40%"},
        opinions={
            "radiology": "术后1月复查CT：吻合口未见异常，腹腔及腹膜后未见肿大淋巴结，肝脏未见转移灶。",
            "pathology": "术后标本：中分化管状腺癌，pT3N2(4/26)，脉管内癌栓(+)，神经侵犯(-)，上下切缘阴性。",
            "surgery": "D2清扫充分、R0切除，按规范行辅助化疗。",
            "medical_oncology": "推荐XELOX或SOX辅助化疗8周期（CLASSIC/ACTS-GC），术后4-6周开始。",
            "radiation_oncology": "D2根治R0切除后不推荐常规辅助放疗。",
        },
        summary="贲门腺癌术后pT3N2M0 IIIA期，D2根治R0切除。建议SOX方案辅助化疗8周期，不行辅助放疗，定期复查。",
        modalities=("chemotherapy",), intent="curative",
        plan="1. SOX方案q3w共8周期；2. 每3月复查CEA、CA19-9、CA72-4及腹部CT；3. 营养门诊随访。",
        actions=(("SOX辅助化疗", "oncology"),),
    ),
    Scenario(
        key="gastric_her2", tumour="gastric", site="胃体",
        icd10=("C16.2", "胃体恶性肿瘤"), histology=("8144/3", "腺癌（肠型）"), grade="G2",
        stage=("c", "T4a", "N3a", "M1", "IVB"),
        complaint="腹胀、食欲减退伴消瘦{dur}",
        history="腹胀、纳差，体重下降8kg。胃镜示胃体大弯侧巨大溃疡型肿物，活检示腺癌，HER2(3+)。CT示腹膜多发结节、"
                "中量腹水，腹水细胞学见腺癌细胞。",
        purpose="晚期HER2阳性胃癌一线治疗",
        question="胃体腺癌伴腹膜转移（IVB期），HER2 3+。一线是否使用曲妥珠单抗联合XELOX？加用帕博利珠单抗（KEYNOTE-811）"
                 "是否适合本例？腹水如何处理？",
        biomarkers={"HER2": "3+", "MMR": "pMMR", "PD-L1": "CPS 5", "Ki-67": "50%"},
        opinions={
            "radiology": "胃体大弯侧壁增厚伴溃疡，腹膜及大网膜多发结节，呈网膜饼样改变，中量腹水，肝脏未见转移。",
            "pathology": "胃活检：中分化腺癌（肠型），HER2(3+)；腹水沉渣包埋见腺癌细胞。",
            "surgery": "腹膜广泛转移，无根治手术指征；如出现梗阻或大出血再评估姑息手术。",
            "medical_oncology": "推荐曲妥珠单抗联合XELOX一线；PD-L1 CPS≥1，可考虑加用帕博利珠单抗，需与家属沟通"
                                "费用及医保报销情况。",
            "radiation_oncology": "出血难控时可考虑姑息止血放疗，目前无放疗指征。",
        },
        summary="胃体腺癌cT4aN3aM1 IVB期，HER2阳性，腹膜转移伴腹水。建议曲妥珠单抗联合XELOX一线治疗，家属知情后"
                "决定是否加用PD-1抑制剂；腹腔穿刺引流，营养支持。",
        modalities=("targeted", "chemotherapy", "supportive"), intent="palliative",
        plan="1. 曲妥珠单抗+XELOX q3w，每2-3周期评估；2. 治疗前心脏超声评估LVEF；3. B超引导腹腔穿刺置管引流。",
        actions=(("心脏超声评估后开始一线治疗", "oncology"), ("腹腔穿刺置管引流", "gastroenterology")),
    ),
    Scenario(
        key="rectal_tnt", tumour="colorectal", site="直肠（距肛缘7cm）",
        icd10=("C20", "直肠恶性肿瘤"), histology=("8140/3", "腺癌"), grade="G2",
        stage=("c", "T3", "N1", "M0", "IIIB"),
        complaint="大便带血、排便习惯改变{dur}",
        history="大便带鲜血，次数增多，里急后重。肠镜示距肛缘7cm直肠溃疡型肿物，占肠腔2/3周，活检示腺癌。盆腔MRI示"
                "肿瘤侵出肌层约4mm，直肠系膜内2枚淋巴结肿大，MRF阴性，EMVI阴性。",
        purpose="中低位局部进展期直肠癌新辅助治疗及保肛",
        question="中位直肠腺癌cT3N1M0 IIIB期，MRF(-)。是否需要新辅助放化疗？选择长程放化疗还是全程新辅助治疗（TNT）？"
                 "保肛可能性如何？",
        biomarkers={"KRAS": "野生型", "NRAS": "野生型", "BRAF": "V600E阴性", "MMR": "pMMR", "MSI": "MSS"},
        opinions={
            "radiology": "盆腔高分辨MRI：直肠中段肿瘤，下缘距肛缘约7cm，侵出固有肌层4mm（T3b），MRF(-)，EMVI(-)，"
                         "直肠系膜内2枚淋巴结（N1）。",
            "pathology": "活检：中分化腺癌；MMR蛋白表达完整（pMMR），RAS/BRAF野生型。",
            "surgery": "肿瘤距肛缘7cm，新辅助治疗后保肛机会大，计划腹腔镜TME，必要时预防性回肠造口。",
            "medical_oncology": "推荐长程同步放化疗（卡培他滨）后巩固化疗CAPOX，TNT提高pCR率，也为等待观察策略提供"
                                "可能。",
            "radiation_oncology": "盆腔放疗50Gy/25f同步卡培他滨，我院可实施；放疗结束后8-12周评估。",
        },
        summary="中位直肠腺癌cT3bN1M0 IIIB期，pMMR，MRF阴性。建议TNT：长程同步放化疗后CAPOX巩固4周期，再评估后行"
                "腹腔镜TME，争取保肛。",
        modalities=("radiotherapy", "chemotherapy", "surgery"), intent="curative",
        plan="1. 盆腔放疗50Gy/25f同步卡培他滨；2. 巩固CAPOX×4；3. 复查MRI及肠镜，评估后腹腔镜TME±预防性造口。",
        actions=(("新辅助同步放化疗", "radiotherapy"), ("巩固化疗", "oncology")),
    ),
    Scenario(
        key="colon_postop", tumour="colorectal", site="乙状结肠",
        icd10=("C18.7", "乙状结肠恶性肿瘤"), histology=("8140/3", "腺癌"), grade="G2",
        stage=("p", "T3", "N1a", "M0", "IIIB"), conference="post_operative",
        complaint="乙状结肠癌根治术后{dur}",
        history="因乙状结肠腺癌行腹腔镜乙状结肠癌根治术。术后病理：中分化腺癌，侵透肌层达浆膜下，淋巴结1/18枚转移。"
                "术前CEA 6.2ng/ml，术后复查降至正常。",
        prior="腹腔镜乙状结肠癌根治术",
        purpose="III期结肠癌辅助化疗方案与疗程",
        question="乙状结肠腺癌术后pT3N1aM0 IIIB期（低危III期）。辅助CAPOX 3个月还是6个月？患者既往糖尿病周围神经病变，"
                 "奥沙利铂神经毒性如何考虑？",
        biomarkers={"KRAS": "G12D突变", "MMR": "pMMR", "MSI": "MSS", "BRAF": "野生型"},
        opinions={
            "radiology": "术后复查胸腹盆CT未见复发及转移。",
            "pathology": "手术标本：中分化腺癌，pT3N1a(1/18)，脉管侵犯(-)，切缘阴性，pMMR。",
            "surgery": "R0切除，淋巴结检出数达标，恢复良好，可按期开始辅助化疗。",
            "medical_oncology": "低危III期（T1-3N1）CAPOX 3个月疗效不劣于6个月且神经毒性更低（IDEA），本例合并"
                                "周围神经病变，推荐CAPOX 3个月。",
            "radiation_oncology": "结肠癌术后无辅助放疗指征。",
        },
        summary="乙状结肠腺癌pT3N1aM0 IIIB期（低危），pMMR。建议CAPOX辅助化疗3个月（4周期），监测神经毒性，按规范"
                "随访。",
        modalities=("chemotherapy",), intent="curative",
        plan="1. CAPOX q3w×4；2. 每3月复查CEA，每6月胸腹盆CT；3. 术后1年复查肠镜。",
        actions=(("CAPOX辅助化疗", "oncology"),),
    ),
    Scenario(
        key="colon_livermets", tumour="colorectal", site="升结肠",
        icd10=("C18.2", "升结肠恶性肿瘤"), histology=("8140/3", "腺癌"), grade="G3",
        stage=("c", "T4a", "N2a", "M1a", "IVA"),
        complaint="右下腹隐痛伴乏力{dur}",
        history="右下腹隐痛，乏力，Hb 92g/L。肠镜示升结肠肿物，活检示腺癌。增强CT及肝脏MRI示肝右叶3枚转移灶，最大"
                "3.5cm。CEA 48ng/ml。",
        purpose="结直肠癌肝转移转化治疗",
        question="右半结肠癌伴肝转移（3枚，位于右叶），RAS/BRAF野生型，MSS。肝转移灶目前是否可切除？转化治疗选择"
                 "FOLFOX联合贝伐珠单抗还是西妥昔单抗？",
        biomarkers={"KRAS": "野生型", "NRAS": "野生型", "BRAF": "野生型", "MMR": "pMMR", "MSI": "MSS",
                    "HER2": "阴性"},
        opinions={
            "radiology": "肝MRI：肝右叶S6、S7、S8段3枚转移灶，最大3.5cm，邻近肝右静脉，剩余肝体积估算约45%；"
                         "原发灶T4a，区域淋巴结多发肿大。",
            "pathology": "肠镜活检：低分化腺癌；RAS/BRAF野生型，pMMR。",
            "surgery": "肝转移灶紧邻肝右静脉，目前切除困难，属潜在可切除，转化有效后可同期或分期切除原发灶及肝转移灶。",
            "medical_oncology": "原发灶位于右半结肠，抗EGFR获益有限，推荐FOLFOX+贝伐珠单抗转化治疗，每2月评估"
                                "可切除性。",
            "radiation_oncology": "暂不考虑放疗；转化后残留小病灶可考虑SBRT或消融。",
        },
        summary="升结肠腺癌cT4aN2aM1a IVA期，肝转移潜在可切除，RAS/BRAF野生型，MSS。建议FOLFOX+贝伐珠单抗转化"
                "治疗，4-6周期后再次MDT评估手术。",
        modalities=("chemotherapy", "targeted"), intent="curative",
        plan="1. FOLFOX+贝伐珠单抗q2w；2. 每4周期复查肝脏MRI；3. 转化成功后再次提交MDT讨论手术方式。",
        actions=(("开始转化治疗", "oncology"), ("4周期后复查肝脏MRI并再次提交MDT", "gastro_surgery")),
    ),
    Scenario(
        key="hcc_resect", tumour="liver", site="肝右叶（S6段）",
        icd10=("C22.0", "肝细胞癌"), histology=("8170/3", "肝细胞癌"), grade="G2",
        stage=("", "", "", "", "Ib"), system="CNLC", edition="2024",
        stage_extra={"child_pugh": "A5", "afp": "386 ng/ml", "hbv": True},
        complaint="乙肝病史10年，复查发现肝占位{dur}",
        history="慢性乙肝10年，未规律抗病毒。超声发现肝右叶占位，增强MRI示S6段单发肿块5.8cm，动脉期强化、门脉期"
                "廓清，无血管侵犯。AFP 386ng/ml，HBV-DNA 2.1×10⁴IU/ml。",
        purpose="单发肝癌根治性治疗方式选择",
        question="肝细胞癌CNLC Ib期（单发5.8cm，无血管侵犯，Child-Pugh A5）。首选解剖性肝切除还是TACE联合消融？"
                 "术前抗病毒治疗如何安排？",
        biomarkers={"AFP": "386 ng/ml", "HBV-DNA": "2.1×10⁴ IU/ml", "PIVKA-II": "520 mAU/ml"},
        opinions={
            "radiology": "肝右叶S6段单发肿块5.8cm，典型“快进快出”，包膜完整，门静脉及肝静脉未见癌栓，肝硬化轻度。",
            "pathology": "未行穿刺，影像及AFP符合临床诊断标准；术后行病理确诊及MVI分级。",
            "surgery": "肝功能Child-Pugh A5，ICG-R15 8%，剩余肝体积充足，建议腹腔镜解剖性S6段切除。",
            "medical_oncology": "立即开始恩替卡韦或丙酚替诺福韦抗病毒；术后若MVI阳性可考虑辅助TACE。",
            "radiation_oncology": "可切除肝癌首选手术，暂无放疗指征。",
            "gastroenterology": "胃镜评估食管胃底静脉曲张程度，长期抗病毒治疗及肝病随访。",
        },
        summary="肝细胞癌CNLC Ib期，Child-Pugh A5，HBV相关。建议抗病毒治疗同时限期行腹腔镜解剖性肝S6段切除。",
        modalities=("surgery",), intent="curative",
        plan="1. 丙酚替诺福韦25mg qd长期抗病毒；2. 2周内行腹腔镜解剖性S6段切除；3. 术后每3月复查AFP及影像。",
        actions=(("开始抗病毒治疗", "gastroenterology"), ("安排肝切除手术", "hepatobiliary_surgery")),
    ),
    Scenario(
        key="hcc_pvtt", tumour="liver", site="肝右叶",
        icd10=("C22.0", "肝细胞癌"), histology=("8170/3", "肝细胞癌"), grade="G3",
        stage=("", "", "", "", "IIIa"), system="CNLC", edition="2024",
        stage_extra={"child_pugh": "A6", "pvtt": "程氏II型"},
        complaint="右上腹胀痛、乏力{dur}",
        history="右上腹胀痛，消瘦。CT示肝右叶巨块型肿瘤约9cm伴门静脉右支癌栓，AFP>1210ng/ml。乙肝肝硬化病史。",
        purpose="伴门静脉癌栓肝癌的系统治疗",
        question="肝细胞癌CNLC IIIa期，门静脉右支癌栓（程氏II型），Child-Pugh A6。一线系统治疗选阿替利珠单抗+贝伐"
                 "珠单抗还是多纳非尼？是否联合TACE或癌栓放疗？",
        biomarkers={"AFP": ">1210 ng/ml", "HBV-DNA": "<500 IU/ml"},
        opinions={
            "radiology": "肝右叶巨块型肿瘤约9.2cm，门静脉右支充盈缺损，增强可见强化，符合癌栓；少量腹水，脾大。",
            "pathology": "临床诊断明确，无需穿刺；如需入组临床研究可行穿刺活检。",
            "surgery": "肿瘤巨大伴癌栓，剩余肝体积不足，不宜手术。",
            "medical_oncology": "推荐阿替利珠单抗+贝伐珠单抗一线（IMbrave150）；用药前胃镜评估静脉曲张出血风险。",
            "radiation_oncology": "门静脉癌栓可行放疗（SBRT或IMRT），可与系统治疗序贯或联合。",
            "interventional": "可联合TACE控制肝内主瘤，需评估肝功能储备。",
        },
        summary="肝细胞癌CNLC IIIa期伴门静脉右支癌栓，Child-Pugh A6。建议阿替利珠单抗+贝伐珠单抗系统治疗，联合"
                "TACE控制主瘤，持续抗病毒，每6-8周评估。",
        modalities=("immunotherapy", "targeted", "interventional"), intent="palliative",
        plan="1. 胃镜评估静脉曲张；2. 阿替利珠单抗1200mg+贝伐珠单抗15mg/kg q3w；3. 介入科评估TACE时机；4. 恩替卡韦"
             "继续抗病毒。",
        actions=(("胃镜评估静脉曲张", "gastroenterology"), ("开始系统治疗", "oncology")),
    ),
]
