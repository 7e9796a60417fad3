"""Demo scenarios for the gynaecological and breast team: breast and cervical cancer."""

from __future__ import annotations

from app.demo.clinical import Scenario

SCENARIOS = [
    Scenario(
        key="breast_luminal", tumour="breast", site="左乳外上象限",
        icd10=("C50.4", "乳房外上象限恶性肿瘤"), histology=("8500/3", "浸润性导管癌（非特殊类型）"), grade="G2",
        stage=("c", "T2", "N1", "M0", "IIB"), stage_extra={"anatomic": True},
        complaint="发现左乳肿物{dur}",
        history="自检发现左乳外上象限无痛性肿物，约鸡蛋黄大小。超声示低回声肿块2.8cm，BI-RADS 5类，左腋窝淋巴结"
                "皮质增厚。空芯针穿刺示浸润性导管癌，腋窝淋巴结细针穿刺见癌细胞。",
        purpose="早期乳腺癌手术方式及系统治疗",
        question="左乳浸润性导管癌cT2N1M0 IIB期，Luminal A样（ER 90%、PR 60%、HER2 0、Ki-67 15%）。直接手术还是"
                 "新辅助治疗？保乳是否可行，腋窝处理选择前哨活检还是腋窝清扫？",
        biomarkers={"ER": "90%（强）", "PR": "60%", "HER2": "0", "Ki-67": "15%"},
        opinions={
            "radiology": "乳腺MRI：左乳外上象限单发肿块2.8cm，边缘毛刺，无多中心病灶；左腋窝I区2枚淋巴结肿大。",
            "pathology": "穿刺：浸润性导管癌，组织学II级；ER 90%强阳性，PR 60%，HER2 0，Ki-67 15%。",
            "surgery": "肿瘤/乳房体积比合适，患者有保乳意愿，建议保乳手术+腋窝淋巴结清扫（cN1且穿刺阳性）。",
            "medical_oncology": "Luminal A样，新辅助化疗获益有限，建议先手术；术后依据病理及多基因检测决定是否"
                                "化疗，辅助内分泌5-10年。",
            "radiation_oncology": "保乳术后需全乳放疗±瘤床加量，腋窝清扫pN1可考虑区域淋巴结照射。",
        },
        summary="左乳浸润性导管癌cT2N1M0 IIB期，Luminal A样。建议保乳手术+腋窝清扫，术后全乳放疗，辅助内分泌治疗；"
                "化疗与否依据术后病理再定。",
        modalities=("surgery", "radiotherapy", "endocrine"), intent="curative",
        plan="1. 保乳手术+腋窝淋巴结清扫；2. 术后病理回报后再次评估化疗指征；3. 全乳放疗；4. 绝经前：卵巢功能抑制+"
             "芳香化酶抑制剂。",
        actions=(("安排保乳手术", "breast_surgery"), ("术后放疗评估", "radiotherapy")),
    ),
    Scenario(
        key="breast_her2", tumour="breast", site="右乳内上象限",
        icd10=("C50.2", "乳房内上象限恶性肿瘤"), histology=("8500/3", "浸润性导管癌"), grade="G3",
        stage=("c", "T2", "N1", "M0", "IIB"), stage_extra={"anatomic": True},
        complaint="右乳肿物进行性增大{dur}",
        history="右乳肿物约3.5cm，近期增大明显。穿刺示浸润性导管癌III级，HER2 3+。右腋窝多枚淋巴结肿大，穿刺阳性。",
        purpose="HER2阳性乳腺癌新辅助治疗",
        question="右乳浸润性导管癌cT2N1M0，HER2阳性（3+）、激素受体阴性。是否行新辅助TCbHP双靶治疗6周期？未达pCR者"
                 "术后是否改用T-DM1？",
        biomarkers={"ER": "阴性", "PR": "阴性", "HER2": "3+", "Ki-67": "45%"},
        opinions={
            "radiology": "右乳内上象限肿块3.5cm，右腋窝I-II区多发淋巴结肿大，最大1.6cm；胸腹CT、骨扫描阴性。",
            "pathology": "穿刺：浸润性导管癌III级，ER(-)、PR(-)、HER2(3+)、Ki-67 45%。",
            "surgery": "新辅助治疗后根据退缩情况决定保乳或全切；治疗前腋窝阳性淋巴结放置定位夹。",
            "medical_oncology": "推荐TCbHP（多西他赛+卡铂+曲妥珠单抗+帕妥珠单抗）6周期新辅助；术后pCR者继续双靶至满"
                                "1年，non-pCR改用T-DM1 14周期（KATHERINE）。",
            "radiation_oncology": "初诊cN1，无论新辅助反应如何，术后均建议胸壁/全乳及区域淋巴结放疗。",
        },
        summary="右乳浸润性导管癌cT2N1M0 IIB期，HER2阳性、HR阴性。建议TCbHP新辅助6周期后手术，根据病理反应决定辅助"
                "抗HER2方案，术后区域放疗。",
        modalities=("chemotherapy", "targeted", "surgery", "radiotherapy"), intent="curative",
        plan="1. 腋窝阳性淋巴结放置定位夹；2. TCbHP q3w×6，每2周期评估；3. 治疗前及每3月心脏超声；4. 新辅助结束后"
             "手术。",
        actions=(("腋窝淋巴结放置定位夹", "breast_surgery"), ("TCbHP新辅助治疗", "oncology")),
    ),
    Scenario(
        key="breast_tnbc", tumour="breast", site="左乳中央区",
        icd10=("C50.1", "乳房中央部恶性肿瘤"), histology=("8500/3", "浸润性导管癌"), grade="G3",
        stage=("c", "T2", "N0", "M0", "IIA"), stage_extra={"anatomic": True},
        complaint="左乳肿物{dur}",
        history="发现左乳乳晕下肿物约3cm，质硬。穿刺示浸润性导管癌，三阴性。腋窝超声未见异常淋巴结。",
        purpose="三阴性乳腺癌新辅助治疗",
        question="左乳三阴性浸润性导管癌cT2N0M0 IIA期。是否采用帕博利珠单抗联合化疗的新辅助方案（KEYNOTE-522）？"
                 "免疫相关不良反应的监测在我院如何落实？",
        biomarkers={"ER": "阴性", "PR": "阴性", "HER2": "1+", "Ki-67": "70%", "PD-L1": "CPS 15", "BRCA1/2": "待检"},
        opinions={
            "radiology": "左乳中央区肿块3.0cm，边界不清，乳头未受累；腋窝淋巴结未见异常。",
            "pathology": "穿刺：浸润性导管癌III级，ER(-)、PR(-)、HER2(1+)、Ki-67 70%，三阴性。",
            "surgery": "新辅助后评估，肿块位于中央区，保乳需切除乳头乳晕复合体，可考虑全切+即刻重建。",
            "medical_oncology": "推荐KEYNOTE-522方案：帕博利珠单抗+紫杉醇+卡铂序贯帕博利珠单抗+AC；建议BRCA胚系"
                                "检测。",
            "radiation_oncology": "保乳或术后高危因素者行放疗，新辅助结束后再评估。",
        },
        summary="左乳三阴性乳腺癌cT2N0M0 IIA期。建议帕博利珠单抗联合化疗新辅助治疗后手术，完善BRCA胚系检测，建立"
                "免疫相关不良反应监测流程。",
        modalities=("immunotherapy", "chemotherapy", "surgery"), intent="curative",
        plan="1. 帕博利珠单抗200mg q3w+紫杉醇周疗+卡铂×12周，序贯AC+帕博利珠单抗×4；2. 每周期查甲状腺功能、"
             "肝功能、血糖；3. BRCA胚系检测。",
        actions=(("新辅助免疫联合化疗", "oncology"), ("BRCA胚系基因检测送检", "breast_surgery")),
    ),
    Scenario(
        key="cervix_ib2", tumour="cervical", site="宫颈",
        icd10=("C53.9", "子宫颈恶性肿瘤"), histology=("8070/3", "鳞状细胞癌"), grade="G2",
        stage=("c", "T1b2", "N0", "M0", "IB2"), system="FIGO", edition="2018",
        complaint="同房后阴道流血{dur}",
        history="接触性出血，妇科检查见宫颈外生型肿物约3cm，阴道穹窿及宫旁未受累。宫颈活检示鳞癌。盆腔MRI示宫颈肿物"
                "3.2cm，局限于宫颈，盆腔淋巴结无肿大。HPV16阳性。",
        purpose="早期宫颈癌手术与放疗的选择",
        question="宫颈鳞癌FIGO 2018 IB2期（3.2cm，淋巴结阴性）。行开腹广泛子宫切除+盆腔淋巴结清扫，还是根治性放化疗？"
                 "年轻患者是否保留卵巢？",
        biomarkers={"HPV": "16型阳性", "p16": "阳性", "SCC-Ag": "4.6 ng/ml"},
        opinions={
            "radiology": "盆腔MRI：宫颈前唇肿块3.2cm，间质浸润<2/3，宫旁脂肪清晰，盆腔及腹主动脉旁淋巴结未见肿大。",
            "pathology": "宫颈活检：中分化鳞状细胞癌，p16(+)。",
            "surgery": "建议开腹广泛子宫切除（QM-C型）+盆腔淋巴结清扫，不推荐微创途径（LACC研究）；45岁以下可保留"
                       "双侧卵巢并悬吊。",
            "medical_oncology": "术后若存在中高危因素（Sedlis标准或淋巴结阳性），需辅助放疗或同步放化疗。",
            "radiation_oncology": "根治性放化疗与手术疗效相当；手术后病理高危者需补充放疗，应避免手术+放疗双重治疗"
                                  "带来的并发症。",
        },
        summary="宫颈鳞癌FIGO IB2期。患者有手术意愿，建议开腹广泛子宫切除+盆腔淋巴结清扫，保留卵巢并悬吊，术后根据"
                "病理危险因素决定辅助治疗。",
        modalities=("surgery",), intent="curative",
        plan="1. 1-2周内开腹广泛子宫切除+盆腔淋巴结清扫；2. 术后病理再次MDT讨论；3. 术后膀胱功能训练。",
        actions=(("安排广泛子宫切除术", "gynaecology"), ("术后病理回报后提交MDT", "gynaecology")),
    ),
    Scenario(
        key="cervix_ccrt", tumour="cervical", site="宫颈",
        icd10=("C53.9", "子宫颈恶性肿瘤"), histology=("8070/3", "鳞状细胞癌"), grade="G2",
        stage=("c", "T2b", "N1", "M0", "IIIC1r"), system="FIGO", edition="2018",
        complaint="不规则阴道流血{dur}",
        history="绝经后不规则阴道流血伴排液。妇检示宫颈菜花样肿物约5cm，左侧宫旁增厚未达盆壁。活检示鳞癌。PET-CT"
                "示左髂外淋巴结代谢增高，腹主动脉旁阴性。",
        purpose="局部晚期宫颈癌根治性放化疗及后装治疗安排",
        question="宫颈鳞癌FIGO IIIC1r期。推荐根治性同步放化疗（外照射+顺铂周疗+后装）。我院无后装治疗机，后装是否"
                 "转上级医院？外照射能否在我院完成？",
        biomarkers={"HPV": "16型阳性", "SCC-Ag": "12.8 ng/ml"},
        opinions={
            "radiology": "宫颈肿块约5.1cm，左侧宫旁受侵，未达盆壁，无肾积水；左髂外淋巴结1.5cm。",
            "pathology": "宫颈活检：中分化鳞状细胞癌。",
            "surgery": "IIB期以上及淋巴结阳性，首选根治性放化疗，不建议手术。",
            "medical_oncology": "顺铂40mg/m²每周同步化疗，共5-6次；贫血者纠正Hb至100g/L以上。",
            "radiation_oncology": "盆腔外照射45-50Gy/25f（阳性淋巴结加量）可在我院完成；后装近距离治疗需转上级医院，"
                                  "总疗程控制在8周内。",
        },
        summary="宫颈鳞癌FIGO 2018 IIIC1r期。建议根治性同步放化疗：我院完成外照射及顺铂周疗，后装治疗转上级医院，"
                "总疗程不超过8周。",
        modalities=("radiotherapy", "chemotherapy"), intent="curative", treat_where="refer_upward",
        referral_target="市中心医院 放疗科（后装治疗）",
        plan="1. 盆腔IMRT 50.4Gy/28f，淋巴结同步加量；2. 顺铂周疗×5；3. 外照射第4周联系上级医院后装；4. 纠正贫血。",
        actions=(("盆腔外照射定位", "radiotherapy"), ("预约上级医院后装治疗", "gynaecology")),
    ),
]
