"""Demo people: the hospital's staff accounts, its three MDT teams, and patients from one county.

Everything here is plain data or a pure function of a `random.Random`, so the demo is the same every run.
Names are composed from common characters; none belongs to a public figure (see `_AVOID`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain import idcard

HOSPITAL = "演示县人民医院"
PROVINCE, CITY, COUNTY = "河南省", "周口市", "郸城县"
REGION = "411625"  # 郸城县 administrative division code
UPPER_HOSPITAL = "省人民医院"

# (username, display name, role, title code, department code, discipline code or "")
DEMO_USERS: list[tuple[str, str, str, str, str, str]] = [
    ("demo_admin", "王主任", "admin", "other", "medical_affairs", ""),
    ("demo_chair", "陈志远", "chair", "chief", "oncology", "medical_oncology"),
    ("demo_doctor", "李文博", "physician", "attending", "thoracic_surgery", "surgery"),
    ("demo_secretary", "刘晓燕", "secretary", "charge_nurse", "oncology", ""),
    ("demo_viewer", "赵静怡", "viewer", "resident", "medical_affairs", ""),
    ("zhouhaitao", "周海涛", "physician", "chief", "thoracic_surgery", "surgery"),
    ("sunlixin", "孙立新", "chair", "chief", "gastro_surgery", "surgery"),
    ("helihua", "何丽华", "chair", "chief", "gynaecology", "surgery"),
    ("zhangminghui", "张明辉", "physician", "attending", "gastro_surgery", "surgery"),
    ("yangchenxi", "杨晨曦", "physician", "associate_chief", "hepatobiliary_surgery", "surgery"),
    ("wumin", "吴敏", "physician", "associate_chief", "breast_surgery", "surgery"),
    ("gaoxiuqin", "高秀琴", "physician", "attending", "gynaecology", "surgery"),
    ("guohongwei", "郭宏伟", "physician", "associate_chief", "oncology", "medical_oncology"),
    ("maxiaodong", "马晓东", "physician", "attending", "oncology", "medical_oncology"),
    ("luojianping", "罗建平", "physician", "associate_chief", "radiotherapy", "radiation_oncology"),
    ("linxiuying", "林秀英", "physician", "chief", "radiology", "radiology"),
    ("gaopengfei", "高鹏飞", "physician", "attending", "radiology", "radiology"),
    ("huangzhenhua", "黄振华", "physician", "associate_chief", "pathology", "pathology"),
    ("xuwenjing", "徐文静", "physician", "attending", "pathology", "pathology"),
    ("huyonggang", "胡永刚", "physician", "associate_chief", "gastroenterology", "gastroenterology"),
    ("zhuguoqing", "朱国庆", "physician", "associate_chief", "respiratory", "respiratory"),
    ("xiechunmei", "谢春梅", "physician", "charge_nurse", "nursing", "nursing"),
]
DEMO_PASSWORD = "Demo2026!"


@dataclass(frozen=True)
class TeamSpec:
    name: str
    name_en: str
    tumour_types: tuple[str, ...]
    place: str
    chair: str  # username
    core: tuple[str, ...]  # usernames
    guest: tuple[str, str, str, str]  # name, department, discipline code, title code


TEAMS: list[TeamSpec] = [
    TeamSpec("胸部及头颈肿瘤MDT", "Thoracic and head & neck tumour board", ("lung", "nasopharyngeal"),
             "门诊楼四楼MDT会议室", "demo_chair",
             ("zhouhaitao", "demo_doctor", "zhuguoqing", "luojianping", "linxiuying", "huangzhenhua",
              "xiechunmei"),
             ("邵明哲", "胸外科", "surgery", "chief")),
    TeamSpec("消化系统肿瘤MDT", "Digestive tumour board", ("gastric", "colorectal", "liver", "oesophageal"),
             "门诊楼四楼MDT会议室", "sunlixin",
             ("zhangminghui", "yangchenxi", "guohongwei", "huyonggang", "luojianping", "gaopengfei",
              "xuwenjing", "xiechunmei"),
             ("韩立群", "胃肠外科", "surgery", "chief")),
    TeamSpec("妇科与乳腺肿瘤MDT", "Gynaecological and breast tumour board", ("breast", "cervical"),
             "住院部二楼示教室", "helihua",
             ("wumin", "gaoxiuqin", "maxiaodong", "luojianping", "linxiuying", "huangzhenhua", "xiechunmei"),
             ("宋雅琴", "乳腺外科", "surgery", "chief")),
]

# Who applies for which tumour type (physicians of the departments that see these patients first).
APPLICANTS: dict[str, tuple[str, ...]] = {
    "lung": ("demo_doctor", "zhouhaitao", "zhuguoqing", "demo_doctor"),
    "nasopharyngeal": ("luojianping", "maxiaodong"),
    "oesophageal": ("demo_doctor", "zhouhaitao", "guohongwei"),
    "gastric": ("zhangminghui", "huyonggang", "guohongwei"),
    "colorectal": ("zhangminghui", "huyonggang"),
    "liver": ("yangchenxi", "huyonggang"),
    "breast": ("wumin", "maxiaodong"),
    "cervical": ("gaoxiuqin", "maxiaodong"),
}

# Share of men among patients of each tumour type (Chinese registry figures, rounded).
MALE_SHARE = {"lung": 0.68, "nasopharyngeal": 0.7, "oesophageal": 0.7, "gastric": 0.7, "colorectal": 0.57,
              "liver": 0.75, "breast": 0.0, "cervical": 0.0}
AGE_RANGE = {"breast": (36, 74), "cervical": (35, 70), "nasopharyngeal": (35, 68)}

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_MALE_FIRST = "建国志德春长保卫永金庆振红玉俊明文海树学宝新家广正"
_MALE_SECOND = "国强军明华林生山平安民峰成东良福贵财亮武刚杰涛伟忠"
_FEMALE_FIRST = "秀桂玉凤淑素美丽春爱翠金红月彩巧小雪慧晓"
_FEMALE_SECOND = "英兰珍芳华梅娥霞荣琴云莲花凤娟丽敏萍静燕"
_SINGLE_MALE = "军刚勇强伟斌磊涛鹏辉"
_SINGLE_FEMALE = "英芳霞娟敏静丽萍红燕"
_AVOID = {"刘德华", "张学友", "王菲", "李娜", "周杰伦", "马云", "杨利伟", "刘翔", "王军霞", "张国荣",
          "陈红", "王刚", "李强", "张伟", "刘强", "王伟", "李明", "高峰", "朱军", "林丹", "孙杨", "郭晶晶",
          "胡军", "李宁", "王楠", "张怡宁", "邓亚萍", "黄磊", "何炅", "马伊琍", "杨幂", "刘欢", "周涛"}

TOWNSHIPS = ["城关镇", "汲冢镇", "石槽镇", "宁平镇", "胡集乡", "宜路镇", "钱店镇", "白马镇", "吴台镇",
             "南丰镇", "巴集乡", "李楼乡", "虎岗乡", "双楼乡", "秋渠乡", "东风乡", "城郊乡", "张完乡"]
_TOWN_WEIGHTS = [6, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 2, 1]
_STREETS = ["新华路", "育新街", "东风路", "建设路", "人民路", "光明街", "文化路", "世纪大道"]
_VILLAGE_SUFFIX = "庄楼寨集营湾店岗桥园湖"
_PHONE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                   "153", "155", "156", "157", "158", "159", "166", "176", "177", "180", "182", "183",
                   "185", "186", "187", "188", "189", "199"]
_INSURANCE = [("城乡居民", 74), ("城镇职工", 19), ("自费", 7)]


@dataclass(frozen=True)
class PatientSpec:
    name: str
    sex: str
    birth_date: date
    id_number: str
    hospital_number: str
    outpatient_number: str | None
    phone: str
    township: str
    address_detail: str
    insurance: str


class PatientMaker:
    """Makes unique, plausible patients; every ID number is valid and matches birth date and sex."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._names: set[str] = set()
        self._ids: set[str] = set()
        self._hns: set[str] = set()
        self._phones: set[str] = set()

    def name(self, sex: str) -> str:
        r = self.rng
        while True:
            surname = r.choice(SURNAMES)
            if r.random() < 0.16:
                given = r.choice(_SINGLE_MALE if sex == "M" else _SINGLE_FEMALE)
            elif sex == "M":
                given = r.choice(_MALE_FIRST) + r.choice(_MALE_SECOND)
            else:
                given = r.choice(_FEMALE_FIRST) + r.choice(_FEMALE_SECOND)
            full = surname + given
            if given[0] != given[-1] and full not in _AVOID and full not in self._names:
                self._names.add(full)
                return full

    def phone(self) -> str:
        while True:
            number = self.rng.choice(_PHONE_PREFIXES) + f"{self.rng.randrange(10 ** 8):08d}"
            if number not in self._phones:
                self._phones.add(number)
                return number

    def make(self, tumour: str, first_seen: date) -> PatientSpec:
        r = self.rng
        sex = "M" if r.random() < MALE_SHARE[tumour] else "F"
        low, high = AGE_RANGE.get(tumour, (42, 85))
        age = min(high, max(low, round(r.triangular(low, high, 64))))
        born = first_seen - timedelta(days=365 * age + r.randrange(20, 345))
        while True:
            number = idcard.make(REGION, born, r.randrange(1, 500), sex)
            info = idcard.parse(number)  # checked, not trusted: the number must say what the record says
            if info and (info.birth_date, info.sex) == (born, sex) and number not in self._ids:
                self._ids.add(number)
                break
        while True:
            hn = f"ZY{first_seen.year}{r.randrange(1, 99999):05d}"
            if hn not in self._hns:
                self._hns.add(hn)
                break
        town = r.choices(TOWNSHIPS, _TOWN_WEIGHTS)[0]
        if town == "城关镇":
            detail = f"{r.choice(_STREETS)}{r.randrange(3, 260)}号"
            if r.random() < 0.5:
                detail += f"{r.randrange(1, 9)}号楼{r.randrange(1, 6)}单元"
        else:
            detail = f"{r.choice(SURNAMES)}{r.choice(_VILLAGE_SUFFIX)}村{r.randrange(1, 9)}组"
        insurance = r.choices([i for i, _ in _INSURANCE], [w for _, w in _INSURANCE])[0]
        if insurance == "城镇职工" and town != "城关镇" and r.random() < 0.6:
            insurance = "城乡居民"
        outpatient = f"MZ{first_seen:%Y%m%d}{r.randrange(1000):03d}" if r.random() < 0.45 else None
        return PatientSpec(self.name(sex), sex, born, number, hn, outpatient, self.phone(), town, detail,
                           insurance)
