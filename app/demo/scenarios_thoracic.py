"""Demo scenarios for the thoracic and head & neck team: lung and nasopharyngeal cancer."""

from __future__ import annotations

from app.demo.clinical import Scenario

SCENARIOS = [
    Scenario(
        key="lung_early", tumour="lung", site="右肺上叶",
        icd10=("C34.1", "右肺上叶恶性肿瘤"), histology=("8140/3", "浸润性腺癌（腺泡为主型）"), grade="G2",
        stage=("c", "T1c", "N0", "M0", "IA3"),
        complaint="体检发现右肺上叶结节{dur}",
        history="体检胸部CT发现右肺上叶实性结节，约2.8cm，边缘分叶、毛刺，无咳嗽咯血。CT引导下经皮肺穿刺活检"
                "病理示腺癌。头颅MRI、骨扫描及上腹部CT未见转移。吸烟30年，每日20支。",
        purpose="明确初治方案（手术可行性评估）",
        question="右肺上叶周围型腺癌cT1cN0M0 IA3期，心肺功能基本正常。能否直接行胸腔镜右肺上叶切除+系统性淋巴结"
                 "清扫？术前是否需要PET-CT或EBUS-TBNA进一步评估纵隔淋巴结？",
        biomarkers={"EGFR": "19号外显子缺失（19del）", "ALK": "阴性（Ventana D5F3）", "ROS1": "阴性",
                    "PD-L1": "TPS 5%（22C3）", "Ki-67": "30%"},
        opinions={
            "radiology": "右肺上叶尖后段实性结节，最大径约2.8cm，分叶、毛刺及胸膜牵拉征，增强中度强化；纵隔及肺门"
                         "淋巴结短径均<1cm，影像分期cT1cN0M0。",
            "pathology": "穿刺组织示浸润性腺癌，腺泡为主型；TTF-1(+)、NapsinA(+)、P40(-)。ARMS-PCR检出EGFR "
                         "19del，ALK-D5F3(-)。",
            "surgery": "病灶位于周围，无纵隔淋巴结肿大证据，肺功能可耐受肺叶切除，建议胸腔镜右肺上叶切除+系统性"
                       "淋巴结清扫，不必常规EBUS。",
            "medical_oncology": "EGFR敏感突变，若术后病理分期为IB-IIIA期，推荐奥希替尼辅助治疗3年（ADAURA）；"
                                "IA期术后以随访为主。",
            "radiation_oncology": "早期可手术病例，暂无放疗指征；若患者拒绝手术或不能耐受，可行立体定向放疗（SBRT）。",
        },
        summary="诊断右肺上叶浸润性腺癌cT1cN0M0 IA3期，EGFR 19del。团队一致建议限期行胸腔镜右肺上叶切除+系统性"
                "淋巴结清扫，术后依据病理分期决定是否行奥希替尼辅助治疗。",
        modalities=("surgery",), intent="curative",
        plan="1. 完善术前心肺功能评估，2周内行胸腔镜右肺上叶切除+系统性淋巴结清扫；2. 术后病理再提交MDT讨论辅助"
             "治疗；3. 戒烟，呼吸功能锻炼。",
        actions=(("安排胸腔镜右肺上叶切除术", "thoracic_surgery"), ("术后病理结果回报后再次提交MDT", "thoracic_surgery")),
    ),
    Scenario(
        key="lung_stage3", tumour="lung", site="左肺下叶",
        icd10=("C34.3", "左肺下叶恶性肿瘤"), histology=("8140/3", "腺癌"), grade="G2",
        stage=("c", "T2a", "N2", "M0", "IIIA"),
        complaint="咳嗽、痰中带血{dur}",
        history="咳嗽伴痰中带血，抗感染治疗无好转。胸部增强CT示左肺下叶肿块约3.6cm，隆突下及左下气管旁淋巴结"
                "肿大。EBUS-TBNA示4L、7组淋巴结转移性腺癌。",
        purpose="局部晚期非小细胞肺癌的治疗决策",
        question="左肺下叶腺癌cT2aN2M0 IIIA期（多站N2），EGFR L858R突变。能否手术？选择新辅助治疗后手术，还是根治性"
                 "同步放化疗序贯奥希替尼巩固治疗？",
        biomarkers={"EGFR": "21号外显子L858R", "ALK": "阴性", "ROS1": "阴性", "PD-L1": "TPS 10%"},
        opinions={
            "radiology": "左肺下叶背段肿块约3.6cm×3.1cm，4L、7组淋巴结肿大融合，最大短径1.8cm；未见胸腔积液及远处"
                         "转移，cT2aN2M0。",
            "pathology": "EBUS-TBNA标本：(4L、7组)转移性腺癌；NGS检测EGFR L858R，丰度21%，未见T790M。",
            "surgery": "多站N2且淋巴结融合，直接手术难以R0切除，不建议首选手术。",
            "medical_oncology": "不可切除III期EGFR突变型，推荐根治性同步放化疗（培美曲塞+顺铂）后奥希替尼巩固"
                                "治疗至疾病进展（LAURA研究）。",
            "radiation_oncology": "可行调强放疗60Gy/30f，同步化疗；评估V20<30%、平均肺剂量<18Gy，我院可完成。",
        },
        summary="左肺下叶腺癌cT2aN2M0 IIIA期（不可切除），EGFR L858R。建议根治性同步放化疗，放化疗结束后无进展者"
                "奥希替尼巩固治疗。",
        modalities=("radiotherapy", "chemotherapy", "targeted"), intent="curative",
        plan="1. 放疗科制定IMRT计划60Gy/30f，同步培美曲塞+顺铂2周期；2. 放化疗结束后4-6周复查，无进展开始奥希替尼"
             "80mg qd；3. 监测放射性肺炎。",
        actions=(("放疗定位及计划制定", "radiotherapy"), ("同步化疗方案执行", "oncology")),
    ),
    Scenario(
        key="lung_stage4", tumour="lung", site="右肺中叶",
        icd10=("C34.2", "右肺中叶恶性肿瘤"), histology=("8070/3", "鳞状细胞癌"), grade="G3",
        stage=("c", "T3", "N2", "M1c", "IVB"),
        complaint="咳嗽、胸痛伴腰背部疼痛{dur}",
        history="咳嗽、右侧胸痛，近1月腰背部疼痛加重，NRS评分6分。CT示右肺中叶肿块，骨扫描示多发骨转移（T10、L2、"
                "右侧髂骨）。支气管镜活检病理示鳞状细胞癌。",
        purpose="晚期肺鳞癌一线治疗及骨转移处理",
        question="右肺中叶鳞癌IVB期，PD-L1 TPS 60%，多发骨转移伴疼痛。一线选择免疫单药还是免疫联合化疗？T10椎体"
                 "转移是否需要姑息放疗及骨改良药物？",
        biomarkers={"EGFR": "野生型", "ALK": "阴性", "PD-L1": "TPS 60%（22C3）", "Ki-67": "60%"},
        opinions={
            "radiology": "右肺中叶肿块约5.2cm，侵犯叶间胸膜；T10、L2椎体及右侧髂骨溶骨性破坏，T10椎体后缘骨皮质"
                         "不完整，暂未压迫脊髓。",
            "pathology": "支气管镜活检：鳞状细胞癌，P40(+)、CK5/6(+)、TTF-1(-)；PD-L1(22C3) TPS 60%。",
            "surgery": "IV期，无手术指征；T10椎体如出现脊髓压迫症状需急诊评估减压。",
            "medical_oncology": "推荐替雷利珠单抗联合紫杉醇+卡铂一线治疗4-6周期后免疫维持；同时唑来膦酸每4周"
                                "一次，补钙及维生素D。",
            "radiation_oncology": "T10椎体疼痛性转移伴骨皮质破坏，建议姑息放疗30Gy/10f或8Gy/1f，可与全身治疗"
                                  "同期进行。",
        },
        summary="右肺中叶鳞癌cT3N2M1c IVB期，PD-L1高表达，多发骨转移。建议免疫联合化疗一线治疗，T10姑息放疗，"
                "唑来膦酸抗骨转移，规范镇痛。",
        modalities=("immunotherapy", "chemotherapy", "radiotherapy", "supportive"), intent="palliative",
        plan="1. 替雷利珠单抗+紫杉醇+卡铂q3w，每2周期评估；2. T10姑息放疗30Gy/10f；3. 唑来膦酸4mg q4w；4. 按三阶梯"
             "原则镇痛，目标NRS≤3。",
        actions=(("开始一线免疫联合化疗", "oncology"), ("T10椎体姑息放疗", "radiotherapy")),
    ),
    Scenario(
        key="lung_sclc", tumour="lung", site="左肺上叶",
        icd10=("C34.1", "左肺上叶恶性肿瘤"), histology=("8041/3", "小细胞癌"), grade="G4",
        stage=("c", "T2b", "N2", "M0", "IIIA"),
        complaint="刺激性干咳、气短{dur}",
        history="刺激性干咳伴活动后气短。CT示左肺门肿块约4.5cm伴纵隔淋巴结肿大，头颅MRI未见转移。支气管镜活检示"
                "小细胞癌。NSE 68ng/ml，ProGRP 1250pg/ml。",
        purpose="局限期小细胞肺癌治疗决策",
        question="局限期小细胞肺癌cT2bN2M0。同步放化疗还是序贯放化疗？胸部放疗剂量分割如何选择？治疗后是否需要"
                 "预防性脑照射（PCI）？",
        biomarkers={"Ki-67": "90%", "Syn": "阳性", "CgA": "阳性", "TTF-1": "阳性"},
        opinions={
            "radiology": "左肺上叶门旁肿块4.5cm，包绕左上叶支气管，5、6、4L组淋巴结肿大；头颅MRI、上腹部CT未见转移，"
                         "符合局限期。",
            "pathology": "活检示小细胞癌，Syn(+)、CgA(+)、CD56(+)、TTF-1(+)、Ki-67约90%。",
            "surgery": "N2期小细胞肺癌无手术指征。",
            "medical_oncology": "推荐依托泊苷+顺铂（EP）4-6周期，第1-2周期开始同步胸部放疗；一线也可考虑加入PD-L1"
                                "抑制剂后续维持，需告知费用。",
            "radiation_oncology": "同步胸部放疗45Gy/30f（1.5Gy bid）或60Gy/30f；完成放化疗后达缓解者，推荐PCI或"
                                  "MRI密切监测。",
        },
        summary="左肺上叶小细胞肺癌局限期cT2bN2M0。建议EP方案化疗联合早期同步胸部放疗，治疗结束后评估疗效，缓解者"
                "行PCI或头颅MRI规律监测。",
        modalities=("chemotherapy", "radiotherapy"), intent="curative",
        plan="1. EP方案q3w共4周期；2. 第2周期同步胸部放疗60Gy/30f；3. 放化疗结束后1月复查，决定PCI；4. 监测骨髓"
             "抑制及放射性食管炎。",
        actions=(("EP方案化疗", "oncology"), ("胸部同步放疗", "radiotherapy")),
    ),
    Scenario(
        key="npc_local", tumour="nasopharyngeal", site="鼻咽左侧壁",
        icd10=("C11.2", "鼻咽侧壁恶性肿瘤"), histology=("8072/3", "非角化型鳞状细胞癌（未分化型）"), grade="",
        stage=("c", "T3", "N1", "M0", "III"),
        complaint="左侧颈部肿物{dur}，伴涕中带血",
        history="发现左颈部无痛性肿物，伴回吸性涕中带血、左耳闷。鼻咽镜见左侧咽隐窝新生物，活检病理示非角化型未分化"
                "癌。鼻咽+颈部MRI示侵犯颅底骨质。",
        purpose="局部晚期鼻咽癌初治方案",
        question="鼻咽癌cT3N1M0 III期，EBV-DNA 3.2×10³拷贝/ml。是否行诱导化疗（GP方案）后同步放化疗？我院放疗设备"
                 "能否完成鼻咽癌调强放疗，是否需转上级医院？",
        biomarkers={"EBV-DNA": "3.2×10³ copies/ml", "EBER": "阳性", "p16": "阴性", "Ki-67": "70%"},
        opinions={
            "radiology": "鼻咽左侧壁增厚，左咽隐窝消失，侵犯左侧翼腭窝及斜坡骨质；左咽后及左颈IIa区淋巴结肿大，"
                         "最大2.4cm，影像分期T3N1。",
            "pathology": "鼻咽活检：非角化型癌，未分化型；EBER原位杂交(+)，CK(+)、P40(+)。",
            "surgery": "局部晚期鼻咽癌以放化疗为主，无手术指征。",
            "medical_oncology": "推荐吉西他滨+顺铂（GP）诱导化疗3周期，之后顺铂同步放化疗；监测EBV-DNA动态变化。",
            "radiation_oncology": "我院直线加速器可做IMRT，但鼻咽癌靶区复杂、无在线影像引导，建议转上级医院放疗科"
                                  "实施放疗，诱导化疗可在我院完成。",
        },
        summary="鼻咽癌cT3N1M0 III期（AJCC第8版），EBV-DNA升高。建议GP诱导化疗3周期（我院完成），随后转省级医院行"
                "IMRT同步顺铂化疗，放疗结束后回我院随访。",
        modalities=("chemotherapy", "radiotherapy"), intent="curative", treat_where="refer_upward",
        referral_target="省人民医院 放疗科",
        plan="1. GP方案诱导化疗q3w×3；2. 第2周期后联系省人民医院放疗科预约定位；3. 同步顺铂100mg/m² q3w；4. 口腔"
             "护理及张口锻炼宣教。",
        actions=(("GP方案诱导化疗", "oncology"), ("联系上级医院放疗科转诊", "radiotherapy")),
    ),
    Scenario(
        key="npc_advanced", tumour="nasopharyngeal", site="鼻咽顶后壁",
        icd10=("C11.1", "鼻咽后壁恶性肿瘤"), histology=("8072/3", "非角化型鳞状细胞癌（分化型）"), grade="",
        stage=("c", "T4", "N2", "M0", "IVA"),
        complaint="头痛、复视{dur}",
        history="持续性右侧头痛伴视物重影。MRI示鼻咽顶后壁肿物侵犯海绵窦，双颈淋巴结肿大。活检示非角化型癌。"
                "胸腹CT、骨扫描未见远处转移。",
        purpose="IVA期鼻咽癌综合治疗",
        question="鼻咽癌cT4N2M0 IVA期，肿瘤侵犯海绵窦伴右展神经麻痹。诱导化疗选择TPF还是GP？放疗靶区邻近视交叉，"
                 "剂量限制如何权衡？",
        biomarkers={"EBV-DNA": "1.8×10⁴ copies/ml", "EBER": "阳性"},
        opinions={
            "radiology": "鼻咽顶后壁肿物侵犯右侧海绵窦、斜坡及岩尖，双侧颈II区淋巴结肿大，未超过环状软骨下缘，"
                         "T4N2。",
            "pathology": "活检示非角化型分化型癌，EBER(+)。",
            "surgery": "无手术指征。",
            "medical_oncology": "推荐GP诱导化疗3周期（循证等级高于TPF，耐受性较好），同步顺铂放化疗；治疗中监测"
                                "听力及肾功能。",
            "radiation_oncology": "靶区紧邻视交叉及脑干，需严格限量并接受部分靶区欠量，建议转上级医院精确放疗。",
        },
        summary="鼻咽癌cT4N2M0 IVA期，侵犯海绵窦。建议GP诱导化疗后同步放化疗，放疗转省级医院实施；及时处理神经"
                "症状及疼痛。",
        modalities=("chemotherapy", "radiotherapy"), intent="curative", treat_where="refer_upward",
        referral_target="省人民医院 放疗科",
        plan="1. GP方案诱导化疗×3；2. 转省人民医院行IMRT同步顺铂；3. 营养支持，必要时预防性胃造瘘。",
        actions=(("GP方案诱导化疗", "oncology"), ("办理上级医院转诊", "radiotherapy")),
    ),
]
