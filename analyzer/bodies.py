"""Bodies under one name: aliases and local short forms to full official names.

Documents write the same body many ways: 省生态环境厅 / 湖北省生态环境厅 / 生态环境厅;
市发改委 / 市发展改革委 / 市发展和改革委员会; 省环委办. The gazetteer
(``corpora/gazetteer/bodies.json``) gives provincial aliases and the usual
city bureaus; a short local form ("市住建局" in a 黄石 document) is resolved
with the document's own place, taken from its issuer or title. A body that
matches nothing is kept as written.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datamodel import Document

GAZETTEER_PATH = Path(__file__).resolve().parents[1] / "corpora" / "gazetteer" / "bodies.json"

_PLACE = re.compile(r"^(?:中共)?(湖北省|[\u4e00-\u9fff]{1,6}?(?:土家族苗族自治州|林区|市|县|区|州))")


@dataclass(frozen=True, slots=True)
class Gazetteer:
    aliases: dict[str, str]
    names: frozenset[str]
    bureaus: dict[str, str]  # short or full suffix → full suffix
    city_of_short: dict[str, str]  # 黄石 → 黄石市, 恩施 → 恩施土家族苗族自治州
    parent_city: dict[str, str]  # 通山县 → 咸宁市
    places: tuple[str, ...]  # every known place name and short form, longest first

    @classmethod
    @lru_cache(maxsize=2)
    def load(cls, path: Path = GAZETTEER_PATH) -> Gazetteer:
        if not path.exists():
            return cls({}, frozenset(), {}, {}, {}, ())
        data = json.loads(path.read_text(encoding="utf-8"))
        aliases: dict[str, str] = {}
        for body in data["bodies"]:
            aliases[body["name"]] = body["name"]
            for alias in body.get("aliases", []):
                aliases.setdefault(alias, body["name"])
        bureaus: dict[str, str] = {}
        for b in data.get("bureaus", []):
            bureaus.setdefault(b["full"], b["full"])
            for short in b["short"]:
                bureaus.setdefault(short, b["full"])
        city_of_short = {short: full for full, short in data.get("city_short", {}).items()}
        city_of_short.update({"恩施州": "恩施土家族苗族自治州"})
        parent = dict(data.get("counties", {}))
        places = sorted({*parent, *data.get("cities", []), *city_of_short}, key=len, reverse=True)
        return cls(aliases, frozenset(b["name"] for b in data["bodies"]), bureaus, city_of_short, parent,
                   tuple(places))

    def full_place(self, name: str) -> str:
        """黄石 → 黄石市, 恩施州 → 恩施土家族苗族自治州; counties and full names unchanged."""
        return self.city_of_short.get(name, name)


#: A town or street office as issuer: "富池镇人民政府", "后湖街道办事处".
_SUBUNIT = re.compile(r"(?:^|[^\u4e00-\u9fff]|[市县区])((?:(?![市县区])[\u4e00-\u9fff]){2,5}?(?:镇|乡|街道))"
                      r"(?:人民政府|办事处|党委|党工委|党政综合办)")
#: Usual full names of town offices written short ("镇林业站" → "…镇林业工作站").
TOWN_BODIES = {"林业站": "林业工作站", "环卫所": "环境卫生管理所", "河长办": "河湖长制办公室", "党政办": "党政综合办公室",
               "政府": "人民政府", "水利站": "水利工作站", "农技站": "农业技术推广站", "执法队": "综合行政执法队",
               "城管办": "城市管理办公室", "应急办": "应急管理办公室"}


def place_of(doc: Document) -> str | None:
    """The locality of the issuing body (黄石市, 通山县, 湖北省; 阳新县富池镇 for a town office), from the
    issuer, the title or the opening lines."""
    place = _county_level_place(doc)
    for text in (doc.meta.issuer, doc.meta.title, *(p.text for p in doc.paragraphs[:4])):
        if not text or text.rstrip().endswith(("：", ":")):  # 主送 "各乡镇人民政府、…：" names addressees, not the issuer
            continue
        m = _SUBUNIT.search(text)
        if m and not re.match(r"各|全|本|所在|有关|相关|乡镇", m.group(1)):
            gaz = Gazetteer.load()
            if place is None or place not in gaz.parent_city:  # the town's county: the first one the text names
                whole = "".join(p.text for p in doc.paragraphs)[:4000]
                found = _places_pattern(tuple(c for c in gaz.places if c in gaz.parent_city)).search(whole)
                branch = re.search(r"生态环境局([\u4e00-\u9fff]{1,3}?)分局", whole)
                by_branch = next((branch.group(1) + x for x in ("县", "市", "区", "") if branch and
                                  branch.group(1) + x in gaz.parent_city), None)
                place = found.group(0) if found else by_branch or (place if place and place.endswith(("县", "区")) else None)
            return (place or "") + m.group(1)
    return place


def _county_level_place(doc: Document) -> str | None:
    gaz = Gazetteer.load()
    pattern = _places_pattern(gaz.places)
    for text in (doc.meta.issuer, doc.meta.title, *(p.text for p in doc.paragraphs[:3])):
        if not text:
            continue
        m = pattern.search(text)
        if m:
            inner = pattern.match(text, m.end())  # 孝感市孝南区: the district, not the city
            return gaz.full_place((inner or m).group(0))
        if text.lstrip().startswith(("湖北省", "省委", "省政府", "省人民政府", "省生态环境")):
            return "湖北省"
    for text in (doc.meta.issuer, doc.meta.title):  # "汉川经济开发区管委会": the zone lies in 汉川市
        m = re.search(r"([\u4e00-\u9fff]{2,3}?)(?:经济技术开发区|经济开发区|高新技术产业开发区|高新区|开发区)", text or "")
        if m:
            return next((c for c in gaz.parent_city if c[:-1] == m.group(1) or c == m.group(1)), None)
    return None


@lru_cache(maxsize=2)
def _places_pattern(places: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(p) for p in places)) if places else re.compile(r"(?!x)x")


_TOWN_PLACE = re.compile(r"^(.*(?:县|市|区))?([\u4e00-\u9fff]{2,5}?(?:镇|乡|街道))$")
_BRANCH = re.compile(r"^(?:市)?生态环境局([\u4e00-\u9fff]{1,4})分局$")


def normalize_body(name: str, place: str | None = None) -> str:
    """Full official name where it can be known; as written otherwise."""
    name = re.sub(r"交警(大队|支队)", r"交通警察\1", name)  # 公安局交警大队 → 公安局交通警察大队
    full = _normalize(name, place)
    if full.startswith("省委") and len(full) > 3:  # provincial bodies outside the gazetteer keep their province
        return "中共湖北" + full
    if full.startswith("省") and len(full) > 3:
        return "湖北" + full
    gaz = Gazetteer.load()
    branch = re.match(r"^(?:[\u4e00-\u9fff]{2,12}?[市州](?=[\u4e00-\u9fff]{1,4}(?:县|市|区)生))?"
                      r"([\u4e00-\u9fff]{1,4}(?:县|市|区))生态环境分局$", full)
    if branch and branch.group(1) in gaz.parent_city:  # 县生态环境分局 in 随县 → 随州市生态环境局随县分局
        county = branch.group(1)
        return f"{gaz.parent_city[county]}生态环境局{county if len(county) == 2 else county[:-1]}分局"
    police = re.match(r"^(?:.*?(?:镇|乡|街道))?([\u4e00-\u9fff]{2,4}?)派出所$", full)
    county = _county_of(place, gaz) if police and "公安" not in full else None
    if county:  # 纸坊派出所 → 武汉市公安局江夏区分局纸坊派出所
        station = police.group(1)
        if county.endswith("区"):
            return f"{gaz.parent_city[county]}公安局{county}分局{station}派出所"
        return f"{county}公安局{station}派出所"
    return full


def _normalize(name: str, place: str | None) -> str:
    gaz = Gazetteer.load()
    name = re.sub(r"\s+", "", name)
    town = _TOWN_PLACE.match(place) if place and not place.endswith(("市", "县", "区", "州", "省")) else None
    if town:  # a town or street document: 镇林业站 → 阳新县富池镇林业工作站; 县交通运输局 → 阳新县交通运输局
        level = "街道" if place.endswith("街道") else place[-1]
        if name.startswith(level) and len(name) > len(level) + 1:
            rest = name[len(level):]
            rest = TOWN_BODIES.get(rest, re.sub(r"(?<!办公)办$", "办公室", rest.replace("城管", "城市管理")))
            return place + rest
        return _normalize(name, town.group(1) or None)
    branch = re.match(r"^([\u4e00-\u9fff]{1,4}?)(?:县|市)?生态环境分局$", name)
    if branch:  # "随县生态环境分局" → 随州市生态环境局随县分局 (branches belong to the city bureau)
        county = next((c for c in gaz.parent_city if c.startswith(branch.group(1)) and len(c) - len(branch.group(1)) <= 1), None)
        if county:
            short = county if len(county) == 2 else county[:-1]
            return f"{gaz.parent_city[county]}生态环境局{short}分局"
    m = _BRANCH.match(name)
    if m and place in gaz.parent_city and not place.endswith("区"):  # "市生态环境局大冶分局" in a 大冶市 document
        return f"{gaz.parent_city[place]}生态环境局{m.group(1)}分局"
    if name in gaz.aliases:
        return gaz.aliases[name]
    if name.startswith("省") and "湖北" + name in gaz.aliases:
        return gaz.aliases["湖北" + name]
    if place == "神农架林区" and name.startswith("林区") and len(name) > 3:
        return _expand(place, name[2:], gaz)
    level = name[:1]
    if place and level in "市县区州" and len(name) > 2:
        if place.endswith(level):
            if level == "区" and place in gaz.parent_city:  # districts carry their city: 孝感市孝南区…
                return _expand(gaz.parent_city[place] + place, name[1:], gaz)
            return _expand(place, name[1:], gaz)
        if level in "市州" and place in gaz.parent_city:  # "市生态环境局通山分局" in a 通山县 document
            return _expand(gaz.parent_city[place], name[1:], gaz)
    if place == "湖北省" and not name.startswith(("湖北", "省", "市", "县", "区")) and "湖北省" + name in gaz.names:
        return "湖北省" + name
    county = next((c for c in gaz.parent_city if name.startswith(c) and len(name) > len(c)), None)
    if county:  # 华容区政府 → 鄂州市华容区人民政府; 通山县住建局 → 通山县住房和城乡建设局
        rest = name[len(county):]
        rest = "人民政府" if rest == "政府" else gaz.bureaus.get(rest, rest)
        prefix = gaz.parent_city[county] if county.endswith("区") else ""
        return gaz.aliases.get(prefix + county + rest, prefix + county + rest)
    # A named locality with a short bureau form: 黄石市住建局 → 黄石市住房和城乡建设局.
    m = _PLACE.match(name)
    if m and m.group(1) != name:
        locality = gaz.city_of_short.get(m.group(1).rstrip("市州"), m.group(1)) if len(m.group(1)) <= 3 else m.group(1)
        return _expand(locality, name[m.end():], gaz)
    return name


def _expand(locality: str, rest: str, gaz: Gazetteer) -> str:
    if rest.startswith("政府") and not rest.startswith("政府办"):
        rest = "人民" + rest  # 区政府督查室 → 区人民政府督查室
    if rest.startswith("委") and locality.endswith(("市", "县", "区", "州")):
        return "中共" + locality + rest  # 市委办公室 → 中共黄石市委办公室
    full = locality + gaz.bureaus.get(rest, rest)
    return gaz.aliases.get(full, full)


def body_key(name: str) -> str:
    """A comparison key under which spellings of one body agree: 宜昌市猇亭区X ≡ 猇亭区X, 罗田县九资河镇X ≡
    九资河镇X, 管理委员会 ≡ 管委会. For measuring against labels written by different hands, not for output."""
    gaz = Gazetteer.load()
    key = name.replace("管理委员会", "管委会")
    city = next((c for c in gaz.places if key.startswith(c) and key[len(c):].startswith(tuple(gaz.parent_city))), None)
    if city:
        key = key[len(city):]
    county = next((c for c in gaz.parent_city if key.startswith(c)), None)
    if county and re.match(r"[\u4e00-\u9fff]{2,5}?(?:镇|乡|街道)", key[len(county):]):
        key = key[len(county):]
    return key


def _county_of(place: str | None, gaz: Gazetteer) -> str | None:
    """The county or district of a place: 江夏区纸坊街道 → 江夏区; 阳新县 → 阳新县."""
    if not place:
        return None
    return next((c for c in gaz.parent_city if place.startswith(c) or place.endswith(c)), None)
