"""Splitting a Chinese address into province / city / county / township / rest.

The "treated locally" indicator needs the county and township as separate fields, but lists exported from
other systems carry one address string: 河南省周口市郸城县汲冢镇王庄村3组.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PATTERN = re.compile(
    r"^(?P<province>[^省市]{2,7}?(?:省|自治区|(?<=北京|天津|上海|重庆)市))?"
    r"(?P<city>[^市州盟]{1,10}?(?:市|自治州|州|盟|地区))?"
    r"(?P<county>[^县区旗]{1,10}?(?:县|区|旗|市))?"
    r"(?P<township>[^镇乡]{1,10}?(?:镇|乡|街道|苏木))?"
    r"(?P<rest>.*)$"
)


@dataclass(frozen=True)
class Address:
    province: str = ""
    city: str = ""
    county: str = ""
    township: str = ""
    detail: str = ""


def split_address(text: str) -> Address:
    t = re.sub(r"\s+", "", text or "")
    m = _PATTERN.match(t)
    if not m:
        return Address(detail=t)
    g = {k: (v or "") for k, v in m.groupdict().items()}
    return Address(g["province"], g["city"], g["county"], g["township"], g["rest"])
