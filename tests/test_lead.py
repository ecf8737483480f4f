"""Lead bodies, first version: the patterns and the traps."""

from __future__ import annotations

import pytest

from analyzer.lead import leads_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（市生态环境局牵头，市水利和湖泊局、市农业农村局配合）", ["市生态环境局"]),
        ("牵头单位：市发改委；责任单位：各县市区人民政府", ["市发改委"]),
        ("由省林业局牵头负责自然保护地整合优化。", ["湖北省林业局"]),
        ("省生态环境厅（牵头）、省水利厅", ["湖北省生态环境厅"]),
        ("由省生态环境厅、省水利厅牵头", ["湖北省生态环境厅", "湖北省水利厅"]),
        ("各有关部门牵头抓好落实。", []),
        ("发挥牵头抓总作用。", []),
        ("由市住建局负责。", []),
        ("市生态环境局会同市公安局开展专项行动。", []),
        ("责任单位：市城管执法委、市农业农村局", []),
        ("（牵头单位：市委组织部；责任单位：市委党校）", ["市委组织部"]),
        ("各县（市、区）人民政府牵头，市农业农村局配合。", []),
        ("市林长制办公室要牵头建立巡林、督办、考核制度。", ["市林长制办公室"]),
        ("（镇林业站、九资河派出所牵头）", ["镇林业站", "九资河派出所"]),
    ],
)
def test_lead_patterns_and_traps(text: str, expected: list[str]) -> None:
    assert leads_in(text) == expected


def test_lead_issuer_naming_itself() -> None:
    assert leads_in("我局作为湿地保护修复事项的牵头部门，召集成员单位会商3次。", "湖北省林业局") == ["湖北省林业局"]


# ---------------------------------------------------------------- traps, items and full names

from analyzer.analysis import Analyzer  # noqa: E402
from analyzer.bodies import normalize_body  # noqa: E402
from analyzer.pipeline import document_from_paragraphs  # noqa: E402

DRAFT_HEAD = ["黄石市人民政府办公室", "关于印发黄石市水环境治理攻坚实施方案的通知", "各县（市、区）人民政府，市政府各部门：",
              "现将《黄石市水环境治理攻坚实施方案》印发给你们，请认真贯彻执行。", "一、重点任务"]


def _draft(items: list[str]) -> object:
    analyzer = Analyzer.load()
    doc = analyzer.analyze(document_from_paragraphs(DRAFT_HEAD + items + ["黄石市人民政府办公室", "2024年3月1日"]))
    return doc


@pytest.mark.parametrize(
    ("item", "leads"),
    [
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（市住建局牵头，市生态环境局配合）", ["黄石市住房和城乡建设局"]),
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（责任单位：市住建局、市生态环境局）", []),
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治。由市住建局负责。", []),
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治。市住建局会同市生态环境局组织实施。", []),
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（各有关部门牵头）", []),
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（各县市区人民政府牵头）", []),
        ("（一）推进磁湖截污控源工程，主要负责同志牵头抓总，年底前完成主城区排口整治。", []),
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（市发改委、市生态环境局牵头）",
         ["黄石市发展和改革委员会", "黄石市生态环境局"]),
        ("（一）推进磁湖截污控源工程，年底前完成主城区排口整治【市城管执法委牵头】", ["黄石市城市管理执法委员会"]),
    ],
)
def test_lead_trap_in_a_draft_item(item: str, leads: list[str]) -> None:
    doc = _draft([item, "（二）加强饮用水水源地保护，完成保护区规范化建设。（市生态环境局牵头）"])
    assert doc.doc_type == "policy_draft"
    assert [i.leads for i in doc.lead.items] == [leads, ["黄石市生态环境局"]]
    assert doc.lead.items_without_lead == (0 if leads else 1)
    flagged = [f for f in doc.flags if f.code == "ITEM_WITHOUT_LEAD"]
    assert len(flagged) == (0 if leads else 1)


def test_lead_trailing_line_and_responsible_bodies() -> None:
    doc = _draft(["（一）推进磁湖截污控源工程，年底前完成主城区排口整治。",
                  "牵头单位：市住建局；责任单位：市生态环境局、市财政局"])
    [item] = doc.lead.items
    assert item.leads == ["黄石市住房和城乡建设局"]
    assert item.responsible == ["黄石市生态环境局", "黄石市财政局"]


def test_lead_task_table_rows_and_group_rows() -> None:
    doc = _draft(["序号\t重点任务\t牵头单位\t配合单位\t完成时限",
                  "一\t水环境治理\t\t\t",
                  "1\t推进城镇污水管网建设\t市住建局\t市生态环境局\t2025年底",
                  "2\t开展入河排污口排查整治\t\t市生态环境局\t2024年底"])
    assert [i.leads for i in doc.lead.items] == [["黄石市住房和城乡建设局"], []]
    assert doc.lead.items_without_lead == 1


def test_lead_draft_without_any_lead_is_flagged() -> None:
    doc = _draft(["（一）推进磁湖截污控源工程。由市住建局负责。", "（二）加强水源地保护。（责任单位：市生态环境局）"])
    assert not doc.lead.named and doc.lead.items_without_lead == 2
    assert "NO_LEAD_DEPARTMENT" in [f.code for f in doc.flags]


@pytest.mark.parametrize(
    ("name", "place", "full"),
    [
        ("省生态环境厅", None, "湖北省生态环境厅"),
        ("生态环境厅", "湖北省", "湖北省生态环境厅"),
        ("省环委办", "黄石市", "湖北省生态环境保护委员会办公室"),
        ("市发改委", "黄石市", "黄石市发展和改革委员会"),
        ("市发展改革委", "黄石市", "黄石市发展和改革委员会"),
        ("市城管执法委", "宜昌市", "宜昌市城市管理执法委员会"),
        ("县林业局", "通山县", "通山县林业局"),
        ("区住建局", "孝南区", "孝感市孝南区住房和城乡建设局"),
        ("市生态环境局通山分局", "通山县", "咸宁市生态环境局通山分局"),
        ("州生态环境局", "恩施土家族苗族自治州", "恩施土家族苗族自治州生态环境局"),
        ("华容区政府", "鄂州市", "鄂州市华容区人民政府"),
        ("市委宣传部", "宜昌市", "中共宜昌市委宣传部"),
        ("黄石经济技术开发区管委会", "黄石市", "黄石经济技术开发区管委会"),
        ("镇林业站", "阳新县富池镇", "阳新县富池镇林业工作站"),
        ("县交通运输局", "阳新县富池镇", "阳新县交通运输局"),
        ("县生态环境分局", "随县", "随州市生态环境局随县分局"),
        ("市生态环境局大冶分局", "大冶市", "黄石市生态环境局大冶分局"),
        ("省港航事业发展中心", None, "湖北省港航事业发展中心"),
        ("市公安局交警大队", "枣阳市", "枣阳市公安局交通警察大队"),
    ],
)
def test_lead_bodies_get_full_official_names(name: str, place: str | None, full: str) -> None:
    assert normalize_body(name, place) == full


def _support_items(paragraphs: list[str]) -> list[str]:
    doc = _draft(["（一）推进磁湖截污控源工程。（市住建局牵头）", "二、保障措施", *paragraphs])
    return [i.text for i in doc.lead.items[1:]]


def test_lead_support_section_tasks_and_leadership_statements() -> None:
    """In 保障措施 a paragraph is a task when it gives a unit (named or plural) something to do; leadership
    arrangements and exhortation ("牵头抓总", "成立领导小组", "营造氛围") are not tasks."""
    task_named = "（一）强化资金保障。市财政局要统筹安排专项资金。"
    task_plural = "（二）严格信息报送。各乡镇每日下午5时前报送当日巡查情况。"
    leadership = "（三）加强组织领导。市政府成立工作领导小组，各地主要负责同志牵头抓总。"
    exhortation = "（四）加强宣传引导。各地各部门要加大宣传力度，营造全社会共同参与的良好氛围。"
    heading_only = "（五）强化考核督办。将工作成效纳入年度综合考评，对推进不力的予以通报。"
    assert _support_items([task_named, task_plural, leadership, exhortation, heading_only]) == [task_named, task_plural]


def test_lead_leadership_paragraph_in_the_task_part_is_not_an_item() -> None:
    doc = _draft(["（一）推进磁湖截污控源工程。（市住建局牵头）",
                  "（二）压实属地责任。各县（市、区）人民政府要牵头抓总，主要负责同志亲自部署。"])
    assert [i.leads for i in doc.lead.items] == [["黄石市住房和城乡建设局"]]


def test_lead_town_document_names_town_bodies_in_full() -> None:
    analyzer = Analyzer.load()
    doc = analyzer.analyze(document_from_paragraphs([
        "富池镇人民政府关于印发《富池镇沿江码头污染防治工作方案》的通知", "各村（社区）、镇直各单位：",
        "黄石市生态环境局阳新分局将加强技术指导。", "一、重点任务",
        "（一）清理沿河生活垃圾，汛期前完成一轮集中清理。（镇环卫所牵头）",
        "（二）开展码头油污水专项检查。由县交通运输局牵头。", "富池镇人民政府", "2024年3月1日"]))
    assert [i.leads for i in doc.lead.items] == [["阳新县富池镇环境卫生管理所"], ["阳新县交通运输局"]]


def test_lead_unlabelled_trailing_lines_and_bracket_labels() -> None:
    doc = _draft(["（一）推进磁湖截污控源工程，年底前完成主城区排口整治。",
                  "由市住建局具体牵头，市生态环境局配合。",
                  "（二）加强饮用水水源地保护，完成保护区规范化建设。",
                  "【牵头单位】市生态环境局 【责任单位】市水利和湖泊局",
                  "（三）开展入河排污口排查。",
                  "市水利和湖泊局为牵头单位，市生态环境局配合"])
    assert [i.leads for i in doc.lead.items] == [["黄石市住房和城乡建设局"], ["黄石市生态环境局"], ["黄石市水利和湖泊局"]]
    assert doc.lead.items[1].responsible == ["黄石市水利和湖泊局"]


def test_lead_zone_document_expands_zone_bureaus() -> None:
    analyzer = Analyzer.load()
    doc = analyzer.analyze(document_from_paragraphs([
        "襄阳高新技术产业开发区管理委员会", "关于印发《襄阳高新区扬尘污染防治工作方案》的通知", "一、重点任务",
        "（一）加强施工工地扬尘管控。（高新区规划建设局牵头）", "（二）强化道路保洁。（区城管执法局牵头）",
        "襄阳高新技术产业开发区管理委员会", "2024年3月1日"]))
    assert doc.lead.departments == ["襄阳高新技术产业开发区规划建设局", "襄阳高新技术产业开发区城管执法局"]


def _items(paragraphs: list[str]) -> list[tuple[str, list[str]]]:
    analyzer = Analyzer.load()
    doc = analyzer.analyze(document_from_paragraphs(
        ["黄石市生态环境保护委员会办公室", "关于印发黄石市水污染防治工作任务清单的通知", *paragraphs,
         "黄石市生态环境保护委员会办公室", "2024年3月1日"]))
    return [(i.text[:6], i.leads) for i in doc.lead.items]


def test_lead_unnumbered_task_lines_under_a_task_list_heading() -> None:
    assert _items(["年度目标：全市地表水考核断面水质优良比例达到90%以上。", "任务清单",
                   "推进磁湖截污控源工程，年底前完成主城区排口整治（市住建局牵头）。",
                   "开展入河排污口排查整治，建立“一口一档”，分类推进整治。",
                   "工作要求", "各地要高度重视，主要负责同志亲自抓。"]) == [
        ("推进磁湖截污", ["黄石市住房和城乡建设局"]), ("开展入河排污", [])]


def test_lead_decimal_and_bracketed_numbering() -> None:
    assert _items(["1　工作目标", "1.1　到2025年，全市地表水考核断面水质优良比例达到90%以上。",
                   "2　重点任务", "2.1　推进磁湖截污控源工程，年底前完成主城区排口整治。（市住建局牵头）",
                   "2.2　开展入河排污口排查整治，建立“一口一档”。",
                   "【三】保障措施", "各地各部门要高度重视。"]) == [
        ("2.1　推进", ["黄石市住房和城乡建设局"]), ("2.2　开展", [])]


def test_lead_flat_list_of_top_level_items() -> None:
    assert _items(["一、推进磁湖截污控源工程（市住建局牵头）", "二、开展入河排污口排查整治，分类推进整治",
                   "三、各单位每月25日前将工作进展报送市环委办，重大问题随时报告。"]) == [
        ("一、推进磁湖", ["黄石市住房和城乡建设局"]), ("二、开展入河", []), ("三、各单位每", [])]


def test_lead_task_list_with_group_headings_and_bracketed_leads() -> None:
    """An unnumbered list: group headings, task lines that end in 【牵头单位：…】, short trailing label lines."""
    assert _items(["能源绿色低碳转型",
                   "加快风电、光伏发电项目建设，全年新增新能源装机100万千瓦以上。【牵头单位：市发改委】",
                   "推进煤电机组节能降碳改造，完成改造30万千瓦。",
                   "牵头单位：市经信局；配合单位：市生态环境局",
                   "工作要求", "一是各责任单位要高度重视、压实责任，确保取得实效。"]) == [
        ("加快风电、光", ["黄石市发展和改革委员会"]), ("推进煤电机组", ["黄石市经济和信息化局"])]


def test_lead_division_of_the_issuing_department() -> None:
    analyzer = Analyzer.load()
    doc = analyzer.analyze(document_from_paragraphs([
        "湖北省交通运输厅", "关于印发船舶污染防治工作要点的通知", "一、重点任务",
        "（一）推进靠港船舶使用岸电，提高岸电使用率。（厅水运处牵头）", "（二）开展船舶污染物接收专项检查。", "湖北省交通运输厅",
        "2024年3月1日"]))
    assert doc.lead.departments == ["湖北省交通运输厅水运处"]


@pytest.mark.parametrize(
    ("name", "place", "full"),
    [
        ("州生态环境局巴东分局", "巴东县", "恩施土家族苗族自治州生态环境局巴东分局"),
        ("区生态环境分局", "郧阳区", "十堰市生态环境局郧阳分局"),
        ("纸坊派出所", "江夏区纸坊街道", "武汉市公安局江夏区分局纸坊派出所"),
        ("九资河派出所", "罗田县九资河镇", "罗田县公安局九资河派出所"),
        ("街道城管执法中队", "江夏区纸坊街道", "江夏区纸坊街道城市管理执法中队"),
        ("街道社区建设办", "江夏区纸坊街道", "江夏区纸坊街道社区建设办公室"),
    ],
)
def test_lead_branches_and_town_offices_get_full_names(name: str, place: str, full: str) -> None:
    assert normalize_body(name, place) == full


def test_lead_phases_and_officials_arrangements_are_not_tasks() -> None:
    assert _items(["一、重点任务", "（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（市住建局牵头）",
                   "二、实施步骤", "（一）检查阶段（5月—8月）。各地组织集中检查，市生态环境局适时开展抽查。",
                   "三、保障措施", "（一）加强统筹。各地要建立主要领导牵头抓总、分管领导具体负责的工作机制。",
                   "（二）严格督办。对举报线索由各有关部门牵头核查处理，5个工作日内反馈。"]) == [
        ("（一）推进磁", ["黄石市住房和城乡建设局"]), ("（二）严格督", [])]


def test_lead_zone_in_a_county_level_city_and_task_line_with_bracketed_lead() -> None:
    analyzer = Analyzer.load()
    doc = analyzer.analyze(document_from_paragraphs([
        "汉川经济开发区管理委员会", "关于印发汉川经济开发区固体废物污染防治工作方案的通知", "一、重点任务",
        "（一）开展园区企业固体废物排查，建立“一企一档”。（市应急管理局牵头）",
        "（二）县统计局加强能源消费统计监测，按月提供数据。", "汉川经济开发区管理委员会", "2024年3月1日"]))
    assert doc.lead.departments == ["汉川市应急管理局"]
    assert _items(["任务清单", "规范广场舞活动，各社区牵头划定活动区域和时段。",
                   "商业街区商铺严禁使用高音广播喇叭招揽顾客（市城管执法委牵头，市公安局配合）"]) == [
        ("规范广场舞活", []), ("商业街区商铺", ["黄石市城市管理执法委员会"])]


def test_lead_support_tasks_by_generic_and_plural_actors_and_clause_not_trailing() -> None:
    assert _items(["一、重点任务", "（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（市住建局牵头）",
                   "二、保障措施", "（一）严格销号管理。整改任务完成后，由牵头单位组织验收，报市环委办审核销号。",
                   "（二）推动信息公开。各地要在政府网站公开水源地名录和整治进展。",
                   "（三）加强宣传。各地各部门要高度重视，营造良好氛围。"]) == [
        ("（一）推进磁", ["黄石市住房和城乡建设局"]), ("（一）严格销", []), ("（二）推动信", [])]
    assert _items(["第五条　市住建局负责农村生活垃圾收运处置体系的运行监管。",
                   "第六条　设施运行监管由市生态环境局牵头，市水利和湖泊局配合。"]) == [
        ("第五条　市住", []), ("第六条　设施", ["黄石市生态环境局"])]


def test_lead_task_row_is_not_a_header_and_local_government_is_no_named_lead() -> None:
    doc = _draft(["序号\t重点任务\t牵头单位\t配合单位\t完成时限",
                  "1\t推进城镇污水管网建设\t市住建局\t市生态环境局\t2025年底",
                  "2\t将水质保护工作纳入年度目标责任考核\t市环委办\t市委组织部\t每年1月"])
    assert [i.leads for i in doc.lead.items] == [["黄石市住房和城乡建设局"], ["黄石市生态环境保护委员会办公室"]]
    assert leads_in("由所在县（市、区）人民政府牵头制定二次修复方案。", None, "黄石市") == []


def test_lead_scheduled_job_of_plural_leads_is_a_task() -> None:
    assert _items(["一、重点任务", "（一）推进磁湖截污控源工程，年底前完成主城区排口整治。（市住建局牵头）",
                   "二、工作要求", "（一）各牵头单位要牵头抓总，每月5日前将进展报送市环委办。",
                   "（二）各牵头单位要切实履行牵头抓总职责，确保各项任务按期完成。"]) == [
        ("（一）推进磁", ["黄石市住房和城乡建设局"]), ("（一）各牵头", [])]
