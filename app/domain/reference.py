"""Reference data every new installation starts with: departments and MDT disciplines."""

from __future__ import annotations

# (code, 中文, English)
DEPARTMENTS = [
    ("thoracic_surgery", "胸外科", "Thoracic Surgery"),
    ("general_surgery", "普外科", "General Surgery"),
    ("gastro_surgery", "胃肠外科", "Gastrointestinal Surgery"),
    ("hepatobiliary_surgery", "肝胆外科", "Hepatobiliary Surgery"),
    ("breast_surgery", "乳腺外科", "Breast Surgery"),
    ("gynaecology", "妇科", "Gynaecology"),
    ("ent", "耳鼻咽喉科", "ENT"),
    ("respiratory", "呼吸内科", "Respiratory Medicine"),
    ("gastroenterology", "消化内科", "Gastroenterology"),
    ("oncology", "肿瘤科", "Oncology"),
    ("radiotherapy", "放疗科", "Radiation Oncology"),
    ("radiology", "影像科", "Radiology"),
    ("pathology", "病理科", "Pathology"),
    ("interventional", "介入科", "Interventional Radiology"),
    ("nursing", "护理部", "Nursing"),
    ("nutrition", "营养科", "Nutrition"),
    ("pharmacy", "药学部", "Pharmacy"),
    ("psychology", "心理科", "Psychology"),
    ("tcm", "中医科", "Traditional Chinese Medicine"),
    ("medical_affairs", "医务科", "Medical Affairs"),
    ("it", "信息科", "IT"),
]

DISCIPLINES = [
    ("surgery", "外科", "Surgery"),
    ("medical_oncology", "肿瘤内科", "Medical Oncology"),
    ("radiation_oncology", "放疗科", "Radiation Oncology"),
    ("radiology", "影像科", "Radiology"),
    ("pathology", "病理科", "Pathology"),
    ("gastroenterology", "消化内科", "Gastroenterology"),
    ("respiratory", "呼吸内科", "Respiratory Medicine"),
    ("interventional", "介入科", "Interventional Radiology"),
    ("nursing", "护理", "Nursing"),
    ("nutrition", "营养", "Nutrition"),
    ("psychology", "心理", "Psychology"),
    ("pharmacy", "药学", "Pharmacy"),
    ("tcm", "中医", "Traditional Chinese Medicine"),
]

DEFAULT_QUORUM = {
    "min_disciplines": 3,
    "min_title_for_expert": "associate_chief",
    "require_pathology_radiology_first_pre_treatment": True,
    "min_attending_or_above": 2,
    "require_chair": True,
    "mode": "block",  # block | warn
}
