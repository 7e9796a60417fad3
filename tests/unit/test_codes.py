"""Bundled ICD-10 neoplasm and ICD-O-3 morphology lists: complete, well formed, and searchable the way a clerk
types (code, Chinese, full pinyin, initials, everyday terms, English)."""

import re
import statistics
import time
from pathlib import Path

import pytest

from app.domain import codes
from app.domain.codes import icd10, icdo3, is_neoplasm_code, search_icd10, search_icdo3

DATA = Path(codes.__file__).parent / "data"

# WHO ICD-10 (2019) chapter II, every 3-character category. Numbers that do not exist in WHO ICD-10:
# C27-C29, C35-C36, C42, C59, C87, C89, C98-C99, D08; ICD-10-CM's C7A/C7B/C4A/D3A are not WHO codes.
WHO_CATEGORIES = """
C00 C01 C02 C03 C04 C05 C06 C07 C08 C09 C10 C11 C12 C13 C14 C15 C16 C17 C18 C19 C20 C21 C22 C23 C24 C25 C26
C30 C31 C32 C33 C34 C37 C38 C39 C40 C41 C43 C44 C45 C46 C47 C48 C49
C50 C51 C52 C53 C54 C55 C56 C57 C58 C60 C61 C62 C63 C64 C65 C66 C67 C68 C69
C70 C71 C72 C73 C74 C75 C76 C77 C78 C79 C80 C81 C82 C83 C84 C85 C86 C88 C90 C91 C92 C93 C94 C95 C96 C97
D00 D01 D02 D03 D04 D05 D06 D07 D09 D10 D11 D12 D13 D14 D15 D16 D17 D18 D19 D20 D21 D22 D23 D24 D25 D26
D27 D28 D29 D30 D31 D32 D33 D34 D35 D36 D37 D38 D39 D40 D41 D42 D43 D44 D45 D46 D47 D48
""".split()

# 4-character codes that are not (or no longer) WHO ICD-10: must not appear.
NOT_WHO = {"C14.1", "C56.1", "C56.9", "C88.1", "D46.3", "C7A", "C7B", "C4A", "D3A", "C79.9X"}

CJK = re.compile(r"[\u4e00-\u9fff]")


def read(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "code\tname_zh\tname_en"
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 3 and all(f and f == f.strip() for f in r) for r in rows), "3 non-empty columns"
    return rows


def zh(code: str, lookup=icd10) -> str:
    entry = lookup(code)
    assert entry is not None, code
    return entry.name_zh


# --- the files ---------------------------------------------------------------------------------------

def test_icd10_file_parses_with_unique_chapter_ii_codes():
    rows = read("icd10_neoplasms.tsv")
    found = [r[0] for r in rows]
    assert len(found) == len(set(found)), "codes are unique"
    assert 400 <= len(rows) <= 800
    for code, name_zh, name_en in rows:
        assert re.fullmatch(r"[CD]\d{2}(\.\d)?", code), code
        assert is_neoplasm_code(code), code
        assert CJK.search(name_zh), code
        assert name_en.isascii() or "é" in name_en or "ö" in name_en, code
        if "." in code:
            assert code[:3] in found, f"{code} has no category row"
    assert found == sorted(found), "rows in code order"


def test_every_who_category_is_present_and_nothing_else():
    three = {r[0] for r in read("icd10_neoplasms.tsv") if "." not in r[0]}
    assert len(WHO_CATEGORIES) == 137 == len(set(WHO_CATEGORIES))
    assert three == set(WHO_CATEGORIES)
    assert not NOT_WHO & {r[0] for r in read("icd10_neoplasms.tsv")}


def test_the_county_tumour_sites_have_their_subcategories():
    found = {r[0] for r in read("icd10_neoplasms.tsv")}
    expected = (
        [f"C34.{d}" for d in "012389"] + [f"C16.{d}" for d in "012345689"]
        + [f"C18.{d}" for d in "0123456789"] + ["C19", "C20"] + [f"C22.{d}" for d in "0123479"]
        + [f"C15.{d}" for d in "01234589"]
        + [f"C50.{d}" for d in "012345689"] + [f"C53.{d}" for d in "0189"] + [f"C11.{d}" for d in "012389"]
        + [f"C25.{d}" for d in "01234789"] + ["C61", "C73", "C56"] + [f"C67.{d}" for d in "0123456789"]
        + [f"C54.{d}" for d in "012389"] + [f"C71.{d}" for d in "0123456789"] + ["C90.0", "C91.0", "C92.0"]
        + [f"D05.{d}" for d in "0179"] + [f"D06.{d}" for d in "0179"] + [f"C77.{d}" for d in "01234589"]
        + [f"C78.{d}" for d in "012345678"] + [f"C79.{d}" for d in "012345678"]
    )
    assert not set(expected) - found


def test_icdo3_file_parses():
    rows = read("icdo3_morphology.tsv")
    found = [r[0] for r in rows]
    assert len(found) == len(set(found))
    assert len(rows) >= 150
    for code, name_zh, _ in rows:
        assert re.fullmatch(r"\d{4}/[0-3]", code), code
        assert CJK.search(name_zh), code
    for code in ("8000/3", "8010/3", "8070/3", "8070/2", "8140/3", "8140/2", "8041/3", "8246/3", "8170/3",
                 "8160/3", "8500/3", "8500/2", "8520/3", "8490/3", "8480/3", "8936/3", "9680/3", "9732/3",
                 "8720/3", "8720/2", "8890/3", "9180/3"):
        assert code in found, code


# --- names -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("code, part", [
    ("C34", "肺"), ("C16", "胃"), ("C16.0", "贲门"), ("C22.0", "肝细胞"), ("C20", "直肠"),
    ("C53", "宫颈"), ("C11", "鼻咽"), ("C15", "食管"), ("C50", "乳"), ("C18.7", "乙状结肠"),
    ("C19", "直肠乙状结肠"), ("C25", "胰"), ("C61", "前列腺"), ("C67", "膀胱"), ("C73", "甲状腺"),
    ("C56", "卵巢"), ("C54.1", "子宫内膜"), ("C71", "脑"), ("C90.0", "多发性骨髓瘤"),
    ("C92.0", "急性髓样白血病"), ("C78.7", "肝"), ("C79.5", "骨"), ("C77", "淋巴结"), ("D05.1", "导管内"),
    ("D06", "子宫颈原位癌"), ("D45", "真性红细胞增多症"), ("D46", "骨髓增生异常综合征"),
    ("C83.3", "弥漫大B细胞"), ("C45", "间皮瘤"),
])
def test_icd10_names(code, part):
    assert part in zh(code)


@pytest.mark.parametrize("code, part", [
    ("8140/3", "腺癌"), ("8070/3", "鳞状细胞癌"), ("8041/3", "小细胞癌"), ("8170/3", "肝细胞癌"),
    ("8160/3", "胆管癌"), ("8500/3", "导管癌"), ("8520/3", "小叶癌"), ("8490/3", "印戒细胞癌"),
    ("8480/3", "黏液腺癌"), ("8936/3", "胃肠道间质"), ("8246/3", "神经内分泌癌"),
    ("9680/3", "弥漫大B细胞淋巴瘤"), ("8720/3", "黑色素瘤"), ("8500/2", "导管原位癌"), ("9650/3", "霍奇金"),
])
def test_icdo3_names(code, part):
    assert part in zh(code, icdo3)


# --- lookups -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["C34.1", "c34.1", "C341", " c34.1 ", "Ｃ３４．１", "C 34.1"])
def test_icd10_lookup_normalises(text):
    assert icd10(text).code == "C34.1"


def test_icd10_lookup_misses():
    assert icd10("C34.").code == "C34"
    for text in ("", "   ", "C7A", "C99", "C34.7", "E11", "C34.100x001", "lung", "C3"):
        assert icd10(text) is None, text


@pytest.mark.parametrize("text", ["8140/3", "81403", " 8140/3 ", "M8140/3", "m-8140/3", "8140-3",
                                  "８１４０／３"])
def test_icdo3_lookup_normalises(text):
    assert icdo3(text).code == "8140/3"


def test_icdo3_lookup_misses():
    for text in ("", "8140", "8140/6", "814/3", "adenocarcinoma", "1234/3"):
        assert icdo3(text) is None, text


def test_is_neoplasm_code():
    for code in ("C00", "C34.1", "c341", "C97", "D00", "D48.9", "C34.100x001", "D12.6"):
        assert is_neoplasm_code(code), code
    for code in ("", "C", "C7A", "C98", "D49", "D50", "E11.9", "I10", "lung", "8140/3"):
        assert not is_neoplasm_code(code), code


# --- search ------------------------------------------------------------------------------------------

def codes_of(results) -> list[str]:
    return [c.code for c in results]


def test_empty_queries_find_nothing():
    for text in ("", " ", "\t", "　"):
        assert search_icd10(text) == [] and search_icdo3(text) == []
    assert search_icd10("C34", limit=0) == []


def test_search_by_code_exact_then_prefix_shorter_first():
    assert codes_of(search_icd10("C34")) == ["C34", "C34.0", "C34.1", "C34.2", "C34.3", "C34.8", "C34.9"]
    assert codes_of(search_icd10("c34.1"))[0] == "C34.1"
    assert codes_of(search_icd10("C341"))[0] == "C34.1"
    found = codes_of(search_icd10("C1", limit=200))
    assert found[:3] == ["C10", "C11", "C12"] and all(c.startswith("C1") for c in found)
    # a national clinical version code finds its WHO parents, nearest first
    assert codes_of(search_icd10("C34.100x001")) == ["C34.1", "C34"]
    assert codes_of(search_icdo3("8140")) == ["8140/0", "8140/2", "8140/3"]
    assert codes_of(search_icdo3("81403")) == ["8140/3"]


def test_search_in_chinese():
    found = codes_of(search_icd10("直肠"))
    assert found[:2] == ["C19", "C20"]  # titles starting with 直肠, shorter codes first
    assert {"C21.8", "D01.2", "C78.5"} <= set(found)
    lung = search_icd10("肺", limit=100)
    assert {"C34", "C34.1", "C78.0", "D02.2"} <= set(codes_of(lung))
    assert codes_of(lung)[0] == "C34.1"  # 肺上叶… starts with the text, so it comes before 支气管和肺…
    assert codes_of(search_icd10("贲门")) == ["C16.0"]
    assert codes_of(search_icdo3("腺癌"))[0] == "8140/3"
    assert "8490/3" in codes_of(search_icdo3("印戒"))


def test_search_by_everyday_terms():
    assert codes_of(search_icd10("肺癌"))[0] == "C34"
    assert codes_of(search_icd10("胃癌"))[0] == "C16"
    assert codes_of(search_icd10("乳腺癌"))[0] == "C50"
    assert codes_of(search_icd10("宫颈癌"))[0] == "C53"
    assert codes_of(search_icd10("食道癌"))[0] == "C15"
    assert codes_of(search_icd10("肝癌"))[0] == "C22"
    assert codes_of(search_icd10("直肠癌"))[0] == "C20"
    assert codes_of(search_icd10("鼻咽癌"))[0] == "C11"
    assert "C78.7" in codes_of(search_icd10("肝转移"))
    assert codes_of(search_icdo3("鳞癌"))[0] == "8070/3"
    assert set(codes_of(search_icdo3("GIST"))) == {"8936/1", "8936/3"}
    assert codes_of(search_icdo3("dlbcl")) == ["9680/3"]
    assert codes_of(search_icd10("华氏巨球蛋白血症")) == ["C88.0"]


def test_search_by_full_pinyin():
    assert codes_of(search_icd10("wei"))[0] == "C16"
    assert {"C19", "C20"} <= set(codes_of(search_icd10("zhichang"))[:3])
    assert codes_of(search_icd10("benmen")) == ["C16.0"]
    assert "C18.7" in codes_of(search_icd10("yizhuangjiechang"))
    assert "C18.7" in codes_of(search_icd10("jiechang", limit=100))  # a word inside the title
    assert codes_of(search_icd10("feiai"))[0] == "C34"
    assert codes_of(search_icd10("zhi chang"))[:2] == ["C19", "C20"]
    assert codes_of(search_icdo3("xianai"))[0] == "8140/3"
    assert "C67" in codes_of(search_icd10("pangguang"))


def test_search_by_initials():
    assert {"C19", "C20"} <= set(codes_of(search_icd10("zc"))[:3])
    assert codes_of(search_icd10("hqjlbl"))[0] == "C81"  # 霍奇金淋巴瘤
    assert "C34.1" in codes_of(search_icd10("fsy"))  # 肺上叶
    assert "8490/3" in codes_of(search_icdo3("yjxba"))  # 印戒细胞癌


def test_search_in_english():
    rectum = codes_of(search_icd10("rectum"))
    assert rectum[0] == "C20" and "D01.2" in rectum
    assert "C16" in codes_of(search_icd10("stomach"))
    assert "C34.1" in codes_of(search_icd10("upper lobe"))
    assert "8500/3" in codes_of(search_icdo3("ductal"))
    assert codes_of(search_icdo3("signet ring")) == ["8490/3"]
    assert codes_of(search_icd10("sézary")) == codes_of(search_icd10("sezary")) == ["C84.1"]


def test_search_results_respect_the_limit_and_are_unique():
    found = search_icd10("e", limit=7)
    assert len(found) == 7
    many = codes_of(search_icd10("恶性肿瘤", limit=1000))
    assert len(many) == len(set(many)) > 300


def test_a_typical_search_is_fast_once_loaded():
    search_icd10("C34")
    search_icdo3("8140")  # load both tables
    timings = []
    for text in ["C34", "肺", "直肠", "zhichang", "zc", "wei", "rectum", "肝癌", "乳腺癌", "C16.0"] * 5:
        start = time.perf_counter()
        search_icd10(text)
        search_icdo3(text)
        timings.append((time.perf_counter() - start) / 2)
    assert statistics.median(timings) < 0.005
