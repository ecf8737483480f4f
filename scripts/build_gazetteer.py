"""Build the gazetteer of Hubei bodies ``corpora/gazetteer/bodies.json``.

Provincial party and government bodies with their full names and the
abbreviations documents use; the 17 市州 with their party committees,
governments and usual bureaus; typical county bodies as patterns. The
segmenter adds every name to jieba's dictionary so that 由省生态环境厅牵头
splits as 由 / 省生态环境厅 / 牵头; lead detection maps aliases to full names.

    python scripts/build_gazetteer.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "corpora" / "gazetteer" / "bodies.json"

# (full official name, [aliases], kind). Aliases are what documents write.
PROVINCIAL: list[tuple[str, list[str], str]] = [
    ("中共湖北省委", ["湖北省委", "省委"], "party"),
    ("湖北省人民政府", ["省政府", "省人民政府"], "government"),
    ("中共湖北省委办公厅", ["省委办公厅"], "party"),
    ("湖北省人民政府办公厅", ["省政府办公厅"], "government"),
    ("中共湖北省纪律检查委员会", ["省纪委", "省纪委监委"], "supervision"),
    ("湖北省监察委员会", ["省监委"], "supervision"),
    ("中共湖北省委组织部", ["省委组织部"], "party"),
    ("中共湖北省委宣传部", ["省委宣传部"], "party"),
    ("中共湖北省委党校（湖北行政学院）", ["省委党校", "湖北行政学院"], "party_school"),
    ("湖北省人大常委会", ["省人大常委会"], "congress"),
    ("湖北省发展和改革委员会", ["省发展和改革委员会", "省发展改革委", "省发改委"], "department"),
    ("湖北省经济和信息化厅", ["省经济和信息化厅", "省经信厅"], "department"),
    ("湖北省教育厅", ["省教育厅"], "department"),
    ("湖北省科学技术厅", ["省科学技术厅", "省科技厅"], "department"),
    ("湖北省公安厅", ["省公安厅"], "justice"),
    ("湖北省民政厅", ["省民政厅"], "department"),
    ("湖北省司法厅", ["省司法厅"], "justice"),
    ("湖北省财政厅", ["省财政厅"], "department"),
    ("湖北省人力资源和社会保障厅", ["省人力资源和社会保障厅", "省人社厅"], "department"),
    ("湖北省自然资源厅", ["省自然资源厅"], "department"),
    ("湖北省生态环境厅", ["省生态环境厅", "生态环境厅"], "department"),
    ("湖北省住房和城乡建设厅", ["省住房和城乡建设厅", "省住建厅"], "department"),
    ("湖北省交通运输厅", ["省交通运输厅", "省交通厅"], "department"),
    ("湖北省水利厅", ["省水利厅"], "department"),
    ("湖北省农业农村厅", ["省农业农村厅", "省农业厅"], "department"),
    ("湖北省商务厅", ["省商务厅"], "department"),
    ("湖北省文化和旅游厅", ["省文化和旅游厅", "省文旅厅"], "department"),
    ("湖北省卫生健康委员会", ["省卫生健康委员会", "省卫生健康委", "省卫健委"], "department"),
    ("湖北省应急管理厅", ["省应急管理厅", "省应急厅"], "department"),
    ("湖北省审计厅", ["省审计厅"], "supervision"),
    ("湖北省人民政府国有资产监督管理委员会", ["省政府国资委", "省国资委"], "department"),
    ("湖北省市场监督管理局", ["省市场监督管理局", "省市场监管局"], "department"),
    ("湖北省统计局", ["省统计局"], "department"),
    ("湖北省林业局", ["省林业局"], "department"),
    ("湖北省能源局", ["省能源局"], "department"),
    ("湖北省粮食和物资储备局", ["省粮食和物资储备局", "省粮食局"], "department"),
    ("湖北省机关事务管理局", ["省机关事务管理局", "省机关事务局"], "department"),
    ("湖北省乡村振兴局", ["省乡村振兴局"], "department"),
    ("湖北省气象局", ["省气象局"], "department"),
    ("湖北省邮政管理局", ["省邮政管理局", "省邮政局"], "department"),
    ("湖北省通信管理局", ["省通信管理局"], "department"),
    ("湖北省地震局", ["省地震局"], "department"),
    ("国家税务总局湖北省税务局", ["省税务局"], "department"),
    ("湖北省消防救援总队", ["省消防救援总队"], "department"),
    ("湖北省公安厅交通管理局", ["省公安厅交管局", "省交管局"], "department"),
    ("湖北省地方金融管理局", ["省地方金融管理局", "省金融局"], "department"),
    ("湖北省人民检察院", ["省人民检察院", "省检察院"], "justice"),
    ("湖北省高级人民法院", ["省高级人民法院", "省高院", "省法院"], "justice"),
    ("湖北省生态环境保护委员会", ["省生态环境保护委员会", "省环委会"], "committee"),
    ("湖北省生态环境保护委员会办公室", ["省生态环境保护委员会办公室", "省环委办"], "committee_office"),
    ("湖北省河湖长制办公室", ["省河湖长制办公室", "省河长办"], "committee_office"),
    ("湖北省生态环境保护督察办公室", ["省生态环境保护督察办公室", "省督察办"], "committee_office"),
]

#: Provincial departments article 11 names (发改、经信、财政、自然资源、生态环境、住建、交通、水利、农业农村、商务、市场监管、能源、林业).
ARTICLE_11_DEPARTMENTS = [
    "湖北省发展和改革委员会", "湖北省经济和信息化厅", "湖北省财政厅", "湖北省自然资源厅", "湖北省生态环境厅",
    "湖北省住房和城乡建设厅", "湖北省交通运输厅", "湖北省水利厅", "湖北省农业农村厅", "湖北省商务厅",
    "湖北省市场监督管理局", "湖北省能源局", "湖北省林业局",
]

# The 17 市州: (full name, short name used in 中共X委, other aliases)
CITIES: list[tuple[str, str, list[str]]] = [
    ("武汉市", "武汉", []), ("黄石市", "黄石", []), ("十堰市", "十堰", []), ("宜昌市", "宜昌", []),
    ("襄阳市", "襄阳", []), ("鄂州市", "鄂州", []), ("荆门市", "荆门", []), ("孝感市", "孝感", []),
    ("荆州市", "荆州", []), ("黄冈市", "黄冈", []), ("咸宁市", "咸宁", []), ("随州市", "随州", []),
    ("恩施土家族苗族自治州", "恩施", ["恩施州"]), ("仙桃市", "仙桃", []), ("潜江市", "潜江", []),
    ("天门市", "天门", []), ("神农架林区", "神农架", ["神农架"]),
]

# Usual city bureaus: (suffix of the full name, [short suffixes]).
CITY_BUREAUS: list[tuple[str, list[str]]] = [
    ("生态环境局", []), ("发展和改革委员会", ["发改委", "发展改革委"]), ("经济和信息化局", ["经信局"]),
    ("财政局", []), ("自然资源和规划局", ["自然资源局", "自规局"]), ("住房和城乡建设局", ["住建局"]),
    ("交通运输局", ["交通局"]), ("水利和湖泊局", ["水利局", "水湖局"]), ("农业农村局", ["农业局"]),
    ("商务局", []), ("市场监督管理局", ["市场监管局"]), ("林业局", []), ("公安局", []),
    ("城市管理执法委员会", ["城管委", "城管执法委"]), ("卫生健康委员会", ["卫健委", "卫生健康委"]),
    ("审计局", []), ("应急管理局", ["应急局"]), ("文化和旅游局", ["文旅局"]), ("教育局", []),
    ("司法局", []), ("人民检察院", ["检察院"]), ("中级人民法院", ["中院"]),
    ("生态环境保护委员会", ["环委会"]), ("生态环境保护委员会办公室", ["环委办"]),
    ("人民政府办公室", ["政府办", "政府办公室"]), ("河湖长制办公室", ["河长办"]),
]

#: County-level units of Hubei and their 市州 (仙桃, 潜江, 天门 and 神农架林区 have none).
COUNTIES: dict[str, list[str]] = {
    "武汉市": ["江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区", "东西湖区", "汉南区", "蔡甸区",
             "江夏区", "黄陂区", "新洲区"],
    "黄石市": ["黄石港区", "西塞山区", "下陆区", "铁山区", "阳新县", "大冶市"],
    "十堰市": ["茅箭区", "张湾区", "郧阳区", "郧西县", "竹山县", "竹溪县", "房县", "丹江口市"],
    "宜昌市": ["西陵区", "伍家岗区", "点军区", "猇亭区", "夷陵区", "远安县", "兴山县", "秭归县", "长阳土家族自治县",
             "五峰土家族自治县", "宜都市", "当阳市", "枝江市"],
    "襄阳市": ["襄城区", "樊城区", "襄州区", "南漳县", "谷城县", "保康县", "老河口市", "枣阳市", "宜城市"],
    "鄂州市": ["梁子湖区", "华容区", "鄂城区"],
    "荆门市": ["东宝区", "掇刀区", "沙洋县", "钟祥市", "京山市"],
    "孝感市": ["孝南区", "孝昌县", "大悟县", "云梦县", "应城市", "安陆市", "汉川市"],
    "荆州市": ["沙市区", "荆州区", "公安县", "江陵县", "石首市", "洪湖市", "松滋市", "监利市"],
    "黄冈市": ["黄州区", "团风县", "红安县", "罗田县", "英山县", "浠水县", "蕲春县", "黄梅县", "麻城市", "武穴市"],
    "咸宁市": ["咸安区", "嘉鱼县", "通城县", "崇阳县", "通山县", "赤壁市"],
    "随州市": ["曾都区", "随县", "广水市"],
    "恩施土家族苗族自治州": ["恩施市", "利川市", "建始县", "巴东县", "宣恩县", "咸丰县", "来凤县", "鹤峰县"],
}

#: Bureau names that occur at county level (县发展和改革局, not 委员会).
COUNTY_ONLY_BUREAUS: list[tuple[str, list[str]]] = [
    ("发展和改革局", ["发改局", "发展改革局"]), ("城市管理执法局", ["城管执法局", "城管局"]),
    ("生态环境分局", []), ("经济商务和信息化局", ["经商局"]), ("住房和城乡建设局", ["住建局"]),
]

#: Generic forms documents write without a place name; kept as written, matched as bodies.
GENERIC_PREFIXES = ["市", "县", "区", "州"]


def _party_committee(full: str, short: str) -> str:
    """武汉市 → 武汉市委, 恩施土家族苗族自治州 → 恩施州委, 神农架林区 → 神农架林区委."""
    if full.endswith("市"):
        return f"{short}市委"
    if full.endswith("州"):
        return f"{short}州委"
    return f"{full}委"


def build() -> dict:
    bodies = []
    for name, aliases, kind in PROVINCIAL:
        bodies.append({"name": name, "aliases": aliases, "level": "province", "kind": kind,
                       "article_11": name in ARTICLE_11_DEPARTMENTS})
    for full, short, extra in CITIES:
        party = _party_committee(full, short)
        bodies.append({"name": f"中共{party}", "aliases": [party], "level": "city", "kind": "party", "city": full})
        bodies.append({"name": f"{full}人民政府", "aliases": [f"{short}市政府"] if full.endswith("市") else
                       [f"{a}人民政府" for a in extra] + [f"{a}政府" for a in extra],
                       "level": "city", "kind": "government", "city": full})
        for suffix, shorts in CITY_BUREAUS:
            aliases = [f"{a}{suffix}" for a in extra]
            aliases += [f"{full}{s}" for s in shorts] + [f"{short}市{s}" for s in shorts if full.endswith("市")]
            bodies.append({"name": f"{full}{suffix}", "aliases": sorted(set(aliases)), "level": "city",
                           "kind": "department", "city": full})
    generic = sorted({f"{p}{suffix}" for p in GENERIC_PREFIXES for suffix, _ in CITY_BUREAUS}
                     | {f"{p}{s}" for p in GENERIC_PREFIXES for _, shorts in CITY_BUREAUS for s in shorts})
    return {
        "cities": [c[0] for c in CITIES],
        "city_short": {c[0]: c[1] for c in CITIES},
        "counties": {county: city for city, counties in COUNTIES.items() for county in counties},
        "bureaus": [{"full": suffix, "short": shorts} for suffix, shorts in CITY_BUREAUS + COUNTY_ONLY_BUREAUS],
        "article_11_departments": ARTICLE_11_DEPARTMENTS,
        "bodies": bodies,
        "generic": generic,
        "organ_suffixes": ["委员会办公室", "委员会", "办公室", "办公厅", "人民政府", "人民检察院", "人民法院",
                           "党委", "市委", "县委", "州委", "区委", "厅", "局", "委", "办", "院", "部", "中心",
                           "管委会", "分局", "支队", "大队", "所", "站"],
    }


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"wrote {OUT} ({len(data['bodies'])} bodies, {len(data['generic'])} generic forms)")


if __name__ == "__main__":
    main()
