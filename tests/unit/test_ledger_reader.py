"""The ledger reader: an office mails back its 工作台账, or sends one in its own layout (issue #4).

Each test builds a workbook in tmp_path (with the tracker's writer, or with openpyxl as another
office's tool would) and reads it with read_ledger. No app, no database: the fixtures of
tests/conftest.py are not used. Foreign ledgers are modelled on real government ones: an "附件1"
line over the title, a 填报单位/填报日期 line, captions such as 责任单位/工作内容/时间节点/工作进展,
two-row headers with merged group captions, 重点任务 merged over its measures, and group rows.
"""

import datetime
import io
import zipfile

import openpyxl
import pytest

from tracker.ledger import (
    FORMULA_REASON,
    Ledger,
    LedgerLimits,
    LedgerRefused,
    LedgerRow,
    check_xlsx_container,
    read_ledger,
    write_ledger,
)
from tracker.ledger import safety
from tests.helpers.budget import cpu_seconds_under
from tests.helpers.processes import refusal_in_a_fresh_process
from tests.helpers.xlsx import (HEADER_XML, HYPERLINK, LAUGHS, MAIN, XXE, inline_row, own_rows, raw_xlsx, rezip,
                                sheet_xml)

STATUSES = ["未启动", "推进中", "已完成", "逾期"]


# ---------------------------------------------------------------- builders


def write_own(tmp_path, rows=None, name="台账.xlsx", typed=None):
    """Write the tracker's own ledger for 市金融办 and return its path; ``typed`` ({"G5": value}): cells of its
    first sheet then typed over in Excel (openpyxl) and saved."""
    path = tmp_path / name
    write_ledger(Ledger(title="重庆市金融去杠杆防风险专项方案工作台账", unit_name="市金融办",
                        export_date=datetime.date(2024, 3, 5), rows=own_rows() if rows is None else rows,
                        status_choices=STATUSES), path)
    if typed:
        workbook = openpyxl.load_workbook(path)
        for cell, value in typed.items():
            workbook.worksheets[0][cell] = value
        workbook.save(path)
    return path


def build(tmp_path, rows, merges=(), name="外单位台账.xlsx", sheets=None):
    """Write ``rows`` (lists of cell values, None = empty) with openpyxl, merging ``merges``."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    for extra_title, extra_rows in sheets or ():
        other = workbook.create_sheet(extra_title, 0)
        for values in extra_rows:
            other.append(values)
    for values in rows:
        sheet.append(values)
    for reference in merges:
        sheet.merge_cells(reference)
    path = tmp_path / name
    workbook.save(path)
    return path


def refused(source, code, filename="台账.xlsx", **options) -> LedgerRefused:
    """Read ``source``, expect LedgerRefused with ``code`` within one second; return it."""
    with cpu_seconds_under(1.0):
        with pytest.raises(LedgerRefused) as caught:
            read_ledger(source, filename, **options)
    assert caught.value.code == code, str(caught.value)
    return caught.value


# ---------------------------------------------------------------- own exports


def test_ledger_reader_round_trip_of_own_export_reads_back_every_value(tmp_path):
    result = read_ledger(write_own(tmp_path), statuses=STATUSES)
    assert result.ok and result.own_export and result.warnings == []
    assert (result.title, result.unit_name, result.report_date) == (
        "重庆市金融去杠杆防风险专项方案工作台账", "市金融办", datetime.date(2024, 3, 5))
    assert (result.header_row, result.first_data_row, result.sheet) == (3, 4, "工作台账")
    assert result.column_map == dict(zip(
        ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "进展情况", "存在问题",
         "下步计划", "完成状态", "任务键", "版本"], "ABCDEFGHIJKL"))
    for written, read in zip(own_rows(), result.rows, strict=True):
        assert (read.key, read.version, read.number) == (written.key, written.version, written.number)
        assert (read.lead_units, read.supporting_units) == (written.lead_units, written.supporting_units)
        assert (read.measure, read.deadline, read.status) == (written.measure, written.deadline, written.status)
        assert (read.progress, read.problems, read.next_steps) == (
            written.progress, written.problems, written.next_steps)
        assert read.heading == (written.heading or None)
        assert not read.is_group_row
    assert [row.path for row in result.rows] == [
        ["一", "（一）"], ["一", "（二）"], ["二", "（一）"], ["二", "（二）"], ["三"]]
    assert result.rows[0].progress == HYPERLINK and result.rows[0].problems == "+1"
    assert result.rows[2].progress == "\t按月监测。\n第二行"
    assert result.rows[4].due_date == datetime.date(2024, 6, 30)


def test_ledger_reader_re_exporting_what_was_read_adds_no_apostrophes(tmp_path):
    first = read_ledger(write_own(tmp_path), statuses=STATUSES)
    again = [LedgerRow(key=r.key, version=r.version, number=r.number, heading=r.heading or "",
                       measure=r.measure, lead_units=r.lead_units, supporting_units=r.supporting_units,
                       deadline=r.deadline, progress=r.progress, problems=r.problems,
                       next_steps=r.next_steps, status=r.status) for r in first.rows]
    second = read_ledger(write_own(tmp_path, again, name="再次导出.xlsx"), statuses=STATUSES)
    assert [vars_of(r) for r in second.rows] == [vars_of(r) for r in first.rows]
    assert not any(str(v).startswith("'") for r in second.rows for v in vars_of(r).values())


def vars_of(row):
    return {name: getattr(row, name) for name in row.__slots__}


def test_ledger_reader_progress_edited_in_excel_comes_back(tmp_path):
    path = write_own(tmp_path, typed={"G5": "已完成担保机构摸底。", "H5": "两家机构未报送。", "I5": "约谈未报送机构。",
                                      "J5": "推进中", "G7": 85})  # G7: a number typed into a text column
    result = read_ledger(path, statuses=STATUSES)
    assert result.ok
    edited = result.rows[1]
    assert (edited.key, edited.version) == ("k2" * 16, 1)
    assert (edited.progress, edited.problems, edited.next_steps, edited.status) == (
        "已完成担保机构摸底。", "两家机构未报送。", "约谈未报送机构。", "推进中")
    assert result.rows[3].progress == "85"
    assert result.rows[0].progress == HYPERLINK  # untouched cells read back as written
    assert result.rows[1].heading == "防控金融高杠杆风险"  # the merged 重点任务 survived the edit


def test_ledger_reader_reports_every_bad_row_with_row_and_column(tmp_path):
    path = write_own(tmp_path, typed={"J4": "进行中", "G5": "=1+1", "J7": "办结了", "L6": "七"})
    result = read_ledger(path, statuses=STATUSES)
    assert [(i.row, i.column, i.caption) for i in result.issues] == [
        (4, "J", "完成状态"), (5, "G", "进展情况"), (6, "L", "版本"), (7, "J", "完成状态")]
    assert all(i.sheet == "工作台账" for i in result.issues)
    formula = result.issues[1]
    assert formula.reason == FORMULA_REASON == "公式单元格，请改为文本"
    assert str(formula) == "第 5 行，G 列（进展情况）：公式单元格，请改为文本"
    assert formula.cli_line() == "row 5, column G: 公式单元格，请改为文本"
    assert "进行中" in result.issues[0].reason and "推进中" in result.issues[0].reason
    assert result.rows[1].progress is None  # the formula is neither evaluated nor kept
    assert not result.ok


def test_ledger_reader_formula_takes_the_cached_value_never_the_formula(tmp_path):
    # Issue 15: the value the file cached is read; the formula is never evaluated nor kept.
    xml = sheet_xml(HEADER_XML + inline_row(2, "1", "加强监测", "市金融办", "2024年底", None, "推进中")
                    .replace("</row>", '<c r="E2" t="str"><f>WEBSERVICE("http://x")</f><v>已完成评估</v></c></row>'))
    result = read_ledger(raw_xlsx(xml), "公式.xlsx", statuses=STATUSES)
    assert result.issues == []
    assert result.rows[0].progress == "已完成评估"
    assert any("E 列（进展情况）含公式，已按文件中保存的计算结果导入" in w for w in result.warnings)


def test_ledger_reader_formula_without_a_cached_value_is_a_row_error(tmp_path):
    for cell in ('<c r="E2"><f>WEBSERVICE("http://x")</f></c>', '<c r="E2"><f>1+1</f><v>secret</v></c>'):
        xml = sheet_xml(HEADER_XML + inline_row(2, "1", "加强监测", "市金融办", "2024年底", None, "推进中")
                        .replace("</row>", cell + "</row>"))
        result = read_ledger(raw_xlsx(xml), "公式.xlsx", statuses=STATUSES)
        assert [(i.row, i.column, i.reason) for i in result.issues] == [(2, "E", FORMULA_REASON)]
        assert result.rows[0].progress is None


def test_ledger_reader_status_is_not_checked_without_a_list(tmp_path):
    result = read_ledger(write_own(tmp_path))
    assert result.ok and result.rows[4].status == "逾期"


def test_ledger_reader_reads_a_path_bytes_or_a_file_object_alike(tmp_path):
    path = write_own(tmp_path)
    results = [read_ledger(path), read_ledger(path.read_bytes(), "台账.xlsx"),
               read_ledger(io.BytesIO(path.read_bytes()), "台账.xlsx")]
    assert {r.filename for r in results} == {"台账.xlsx"}
    assert results[0].rows == results[1].rows == results[2].rows


def test_ledger_reader_error_values_rich_text_and_formula_columns(tmp_path):
    rich = ('<c r="B2" t="inlineStr"><is><r><t>加强</t></r><r><rPr><b/></rPr><t xml:space="preserve">'
            '房地产 </t></r><r><t>监测</t></r></is></c>')
    row = ('<row r="2"><c r="A2"><v>1</v></c>' + rich + '<c r="C2" t="inlineStr"><is><t>市金融办</t></is></c>'
           '<c r="D2" t="e"><v>#N/A</v></c><c r="G2"><f>A2*2</f><v>2</v></c></row>')
    header = inline_row(1, "序号", "具体措施", "牵头单位", "完成时限", "进展情况", "完成状态", "完成率")
    result = read_ledger(raw_xlsx(sheet_xml(header + row)), "错误值.xlsx")
    assert result.rows[0].measure == "加强房地产 监测"
    assert [(i.row, i.column, i.reason) for i in result.issues] == [(2, "D", "单元格是错误值 #N/A，请改为文本")]
    assert result.unmapped == {"G": "完成率"} and result.rows[0].extra == {}
    assert result.warnings == ["G 列（完成率）含公式，未导入该列。"]


# ---------------------------------------------------------------- foreign ledgers


def test_ledger_reader_foreign_title_unit_line_and_synonyms_in_another_order(tmp_path):
    # (a) 附件1, a title, a 填报单位/填报日期 line, then 责任单位/工作内容/时间节点/工作进展 in its own order.
    path = build(tmp_path, [
        ["附件1"],
        ["2024年优化营商环境重点任务推进台账"],
        ["填报单位：区发改局", None, None, None, "填报日期：2024年4月10日"],
        ["序号", "工作内容", "时间节点", "责任单位", "配合部门", "工作进展", "存在的问题", "下一步计划",
         "推进状态", "备注"],
        [1, "压缩企业开办时间至1个工作日", datetime.datetime(2024, 6, 30), "区市场监管局",
         "区税务局、区人社局", "已上线一网通办平台", "部分银行未接入", "推动银行接入", "推进中", None],
        [2, "推行“证照分离”改革全覆盖", "2024年底前", "区市场监管局；区司法局", None, "已梳理事项清单",
         None, None, "未启动", "重点"],
    ], merges=["A1:J1", "A2:J2"])
    result = read_ledger(path, statuses=STATUSES)
    assert result.ok and not result.own_export
    assert (result.title, result.unit_name, result.report_date) == (
        "2024年优化营商环境重点任务推进台账", "区发改局", datetime.date(2024, 4, 10))
    assert result.header_row == 4
    assert result.column_map == {"序号": "A", "具体措施": "B", "完成时限": "C", "牵头单位": "D",
                                 "配合单位": "E", "进展情况": "F", "存在问题": "G", "下步计划": "H",
                                 "完成状态": "I", "备注": "J"}
    first, second = result.rows
    assert (first.number, first.path, first.measure) == ("1", ["1"], "压缩企业开办时间至1个工作日")
    assert (first.deadline, first.due_date) == ("2024-06-30", datetime.date(2024, 6, 30))
    assert (first.lead_units, first.supporting_units) == (["区市场监管局"], ["区税务局", "区人社局"])
    assert (first.progress, first.problems, first.next_steps, first.status) == (
        "已上线一网通办平台", "部分银行未接入", "推动银行接入", "推进中")
    assert second.lead_units == ["区市场监管局", "区司法局"]
    assert (second.deadline, second.due_date, second.remarks) == ("2024年底前", datetime.date(2024, 12, 31), "重点")


def test_ledger_reader_two_row_header_with_merged_group_captions(tmp_path):
    # (b) 责任单位 over 牵头单位/配合单位, 工作进展 over 进展情况/存在问题/下步计划; others merged down.
    path = build(tmp_path, [
        ["潍坊市金融工作重点任务落实台账"],
        ["填报单位：", "市金融办", None, None, None, None, None, "填报日期：", datetime.date(2024, 5, 6)],
        ["序号", "重点任务", "具体措施", "责任单位", None, "完成时限", "工作进展", None, None, "完成状态"],
        [None, None, None, "牵头单位", "配合单位", None, "进展情况", "存在问题", "下步计划", None],
        ["1", "扩大直接融资", "推动企业上市挂牌", "市金融办", "市发改委、市工信局", "2024年12月", "新增上市2家",
         None, "继续辅导", "推进中"],
        ["2", "扩大直接融资", "发行企业债券", "市发改委", None, "长期坚持", None, None, None, "未启动"],
    ], merges=["A1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4", "G3:I3", "J3:J4"])
    result = read_ledger(path, statuses=STATUSES)
    assert result.ok, result.issues
    assert (result.header_row, result.first_data_row) == (3, 5)
    assert result.column_map == dict(zip(["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限",
                                          "进展情况", "存在问题", "下步计划", "完成状态"], "ABCDEFGHIJ"))
    assert (result.unit_name, result.report_date) == ("市金融办", datetime.date(2024, 5, 6))
    first = result.rows[0]
    assert (first.lead_units, first.supporting_units) == (["市金融办"], ["市发改委", "市工信局"])
    assert (first.progress, first.next_steps, first.due_date) == ("新增上市2家", "继续辅导", datetime.date(2024, 12, 31))
    assert result.rows[1].deadline == "长期坚持" and result.rows[1].due_date is None


def test_ledger_reader_heading_merged_vertically_applies_to_each_measure(tmp_path):
    # (c) 重点任务 merged over its measures, 序号 running 1..5 across headings.
    rows = [["序号", "重点任务", "具体措施", "牵头单位", "完成时限", "进展情况"]]
    measures = [("优化政务服务", "推行一件事一次办"), ("优化政务服务", "压减审批时限"),
                ("优化政务服务", "推广电子证照"), ("加强要素保障", "盘活存量用地"), ("加强要素保障", "降低用电成本")]
    for index, (heading, measure) in enumerate(measures, start=1):
        rows.append([index, heading if index in (1, 4) else None, measure, "区政务服务中心", "2024年底前", None])
    result = read_ledger(build(tmp_path, rows, merges=["B2:B4", "B5:B6"]))
    assert result.ok
    assert [(r.number, r.heading, r.measure) for r in result.rows] == [
        ("1", "优化政务服务", "推行一件事一次办"), ("2", "优化政务服务", "压减审批时限"),
        ("3", "优化政务服务", "推广电子证照"), ("4", "加强要素保障", "盘活存量用地"),
        ("5", "加强要素保障", "降低用电成本")]
    assert not any(r.is_group_row for r in result.rows)


def test_ledger_reader_group_rows_give_headings_and_paths(tmp_path):
    # (d) group rows 一、二、 (one merged across the row, one with its title in 重点任务), measures 1. 2.
    path = build(tmp_path, [
        ["2024年金融风险防控工作台账"],
        ["序号", "重点任务", "具体措施", "责任单位", "完成时限", "进展情况", "完成状态"],
        ["一、防控金融高杠杆风险"],
        ["1.", None, "开展金融产品杠杆风险排查", "人行营管部", "2024年6月底前", "已排查", "推进中"],
        ["2.", None, "规范融资担保行为", "市金融办", "2024年底前", None, "未启动"],
        ["二、", "防控房地产泡沫风险", None, None, None, None, None],
        ["1.", None, "加强房地产市场监测", "市住建委", "长期坚持", None, "推进中"],
    ], merges=["A1:G1", "A3:G3"])
    result = read_ledger(path, statuses=STATUSES)
    assert result.ok
    summary = [(r.row, r.is_group_row, r.number, r.path, r.parent_path, r.heading) for r in result.rows]
    assert summary == [
        (3, True, "一", ["一"], None, "防控金融高杠杆风险"),
        (4, False, "1", ["一", "1"], ["一"], "防控金融高杠杆风险"),
        (5, False, "2", ["一", "2"], ["一"], "防控金融高杠杆风险"),
        (6, True, "二", ["二"], None, "防控房地产泡沫风险"),
        (7, False, "1", ["二", "1"], ["二"], "防控房地产泡沫风险"),
    ]
    assert result.rows[1].lead_units == ["人行营管部"] and result.rows[0].measure is None


def test_ledger_reader_dotted_numbers_build_the_tree(tmp_path):
    # (e) "1" and "2" head their "1.1"-style measures; a 1.2 typed as a number stays "1.2".
    path = build(tmp_path, [
        ["序号", "工作任务", "主办单位", "协办单位", "办结时限", "当前进度", "办理状态"],
        ["1", "优化营商环境", None, None, None, None, None],
        ["1.1", "推进企业开办便利化", "区市场监管局", None, "2024年6月", "已完成", "已完成"],
        [1.2, "深化工程建设项目审批改革", "区住建局", "区自然资源局", "2024年底", None, "推进中"],
        ["2", "加强金融服务", None, None, None, None, None],
        ["2.1", "扩大普惠小微贷款", "人行支行", "各商业银行", "长期", None, "推进中"],
    ])
    result = read_ledger(path, statuses=STATUSES)
    assert result.ok
    assert [(r.number, r.path, r.is_group_row) for r in result.rows] == [
        ("1", ["1"], True), ("1.1", ["1", "1.1"], False), ("1.2", ["1", "1.2"], False),
        ("2", ["2"], True), ("2.1", ["2", "2.1"], False)]
    assert result.rows[0].heading == "优化营商环境"  # a group row's title in the measure column
    assert [r.heading for r in result.rows if not r.is_group_row] == ["优化营商环境"] * 2 + ["加强金融服务"]
    assert result.rows[2].supporting_units == ["区自然资源局"]


def test_ledger_reader_lead_and_responsible_units_side_by_side(tmp_path):
    # 鞍山立山区 style: 牵头单位 and 责任单位 both present -> 责任单位 are the supporting units.
    path = build(tmp_path, [
        ["序号", "重点工作", "牵头单位", "责任单位", "完成时限"],
        [1, "地区生产总值增长6.2%左右", "区发改局", "立山经济开发区，全区经济运行各专班", "2023年底"],
    ])
    result = read_ledger(path)
    assert result.column_map == {"序号": "A", "具体措施": "B", "牵头单位": "C", "配合单位": "D", "完成时限": "E"}
    assert result.rows[0].supporting_units == ["立山经济开发区", "全区经济运行各专班"]
    assert any("重点任务" in warning for warning in result.warnings)


def test_ledger_reader_monthly_progress_columns_give_each_row_its_newest_filled_month(tmp_path):
    # A 金融办 that keeps one progress column a month: row 1 was last reported in 2月, row 2 in 3月.
    path = build(tmp_path, [
        ["2024年金融工作重点任务落实情况台账"],
        ["序号", "工作任务", "责任单位", "完成时限", "1月进展", "2月进展", "3月进展", "1月存在问题", "2月存在问题"],
        [1, "推动企业上市挂牌", "市金融办", "2024年12月", "走访企业5家", "辅导备案1家", None, "企业意愿不强", None],
        [2, "开展金融风险排查", "市金融办", "2024年3月底", "启动排查", None, "完成排查", None, "人手不足"],
    ])
    result = read_ledger(path)
    assert result.ok, result.issues
    assert [(row.progress, row.problems) for row in result.rows] == [
        ("辅导备案1家", "企业意愿不强"), ("完成排查", "人手不足")]
    assert any("E、F、G 列是各期的“进展情况”" in warning for warning in result.warnings)
    assert not any("已忽略" in warning for warning in result.warnings)  # no month is thrown away


@pytest.mark.parametrize("periods", [("1月", "2月", "3月"), ("一季度", "二季度", "三季度")])
def test_ledger_reader_months_under_a_progress_group_caption_are_periods_too(tmp_path, periods):
    path = build(tmp_path, [
        ["序号", "具体措施", "牵头单位", "工作进展", None, None],
        [None, None, None, *periods],
        [1, "组织银企对接会", "区金融服务中心", "筹备", "已举办1场", None],
    ], merges=["A1:A2", "B1:B2", "C1:C2", "D1:F1"])
    result = read_ledger(path)
    assert result.ok, result.issues
    assert result.rows[0].progress == "已举办1场"


def test_ledger_reader_a_second_progress_column_without_a_period_is_still_ignored_with_a_warning(tmp_path):
    path = build(tmp_path, [
        ["序号", "具体措施", "牵头单位", "1月进展", "完成情况"],
        [1, "组织银企对接会", "区金融服务中心", "筹备", "推进中"],
    ])
    result = read_ledger(path)
    assert result.rows[0].progress == "筹备"
    assert any("E 列（完成情况）与 D 列都像“进展情况”，已忽略 E 列" in warning for warning in result.warnings)


def test_ledger_reader_a_county_ledger_in_its_own_words_keeps_progress_its_unit_and_drops_its_note(tmp_path):
    # 工作推进情况（截至6月底）, 下一步工作打算, 牵头单位（盖章）：… above the header, 填表说明 under it.
    path = build(tmp_path, [
        ["附件2"],
        ["2024年度重点工作任务推进情况台账"],
        ["牵头单位（盖章）：县发改局", None, None, "联系人：王五"],
        ["序号", "重点工作", "工作目标", "责任领导", "牵头单位", "计划完成时间", "工作推进情况（截至6月底）",
         "下一步工作措施"],
        ["一、稳增长"],
        ["（一）", "扩大有效投资", "完成投资50亿元", "张副县长", "县发改局", "2024年底", "完成投资28亿元", "加快项目建设"],
        ["填表说明：1.请于每月25日前报送；2.进展情况要具体量化。"],
    ], merges=["A5:H5", "A7:H7"])
    result = read_ledger(path)
    assert result.ok, result.issues
    assert (result.title, result.unit_name) == ("2024年度重点工作任务推进情况台账", "县发改局")
    assert result.column_map["进展情况"] == "G" and result.column_map["下步计划"] == "H"
    assert [(row.path, row.progress, row.next_steps) for row in result.rows] == [
        (["一"], None, None), (["一", "（一）"], "完成投资28亿元", "加快项目建设")]
    assert any("填表说明" in warning and "不是任务" in warning for warning in result.warnings)


@pytest.mark.parametrize("caption, field", [
    ("工作推进情况", "进展情况"), ("目前进展情况", "进展情况"), ("项目建设进度", "进展情况"), ("整改落实情况", "进展情况"),
    ("下一步工作措施", "下步计划"), ("下步工作安排", "下步计划"), ("下一步推进思路", "下步计划"),
    ("计划进度", "完成时限"), ("工作进度安排", "完成时限"),
])
def test_ledger_reader_progress_and_next_step_captions_composed_in_an_offices_words(caption, field):
    from tracker.vocabulary.captions import match_caption

    assert match_caption(caption)[0] == field


def test_ledger_reader_units_split_outside_brackets_only():
    from tracker.vocabulary.units import split_units
    assert split_units("市发改委（牵头，含下属单位）、市财政局\n市金融办；重庆银监局, 各区县") == [
        "市发改委（牵头，含下属单位）", "市财政局", "市金融办", "重庆银监局", "各区县"]
    assert split_units(None) == [] and split_units("") == []


def test_ledger_reader_caller_column_map_replaces_the_detected_one(tmp_path):
    path = build(tmp_path, [
        ["序号", "具体措施", "牵头单位", "完成时限", "情况说明"],
        [1, "推进数字政府建设", "区大数据局", "2024年底", "已完成平台搭建"],
    ])
    detected = read_ledger(path)
    assert detected.unmapped == {"E": "情况说明"} and detected.rows[0].extra == {"情况说明": "已完成平台搭建"}
    corrected = dict(detected.column_map, 进展情况="E")
    result = read_ledger(path, column_map=corrected)
    assert result.rows[0].progress == "已完成平台搭建" and result.unmapped == {}
    with pytest.raises(LedgerRefused) as caught:
        read_ledger(path, column_map={"具体措施": "B", "进展": "E"})
    assert caught.value.code == "column_map"


def test_ledger_reader_skips_column_numbers_repeated_header_and_signature_lines(tmp_path):
    path = build(tmp_path, [
        ["序号", "具体措施", "牵头单位", "完成时限", "进展情况"],
        [1, 2, 3, 4, 5],
        [1, "推进数字政府建设", "区大数据局", "2024年底", None],
        ["序号", "具体措施", "牵头单位", "完成时限", "进展情况"],
        [2, "建设城市大脑", "区大数据局", "2025年底", None],
        [None],
        ["填报人：张三    联系电话：12345678"],
    ])
    result = read_ledger(path)
    assert [r.measure for r in result.rows] == ["推进数字政府建设", "建设城市大脑"]
    assert len(result.warnings) == 3


def test_ledger_reader_picks_the_sheet_that_holds_the_ledger(tmp_path):
    path = build(tmp_path, [["序号", "具体措施", "牵头单位", "完成时限"], [1, "推进改革", "区委改革办", "年底"]],
                 sheets=[("填表说明", [["请各单位于每月25日前报送"], ["联系人：李四"]])])
    assert read_ledger(path).sheet == "Sheet1"


def test_ledger_reader_refuses_a_sheet_without_a_header(tmp_path):
    path = build(tmp_path, [["会议纪要"], ["一、会议听取了汇报"]])
    error = refused(path, "no_header")
    assert "表头" in str(error)


def test_ledger_reader_bad_date_is_kept_as_written_and_missing_measure_reported(tmp_path):
    path = build(tmp_path, [
        ["序号", "具体措施", "牵头单位", "完成时限"],
        [1, "推进改革", "区委改革办", "2024年13月"],
        [2, None, "区财政局", "2024年底"],
    ])
    result = read_ledger(path)
    assert (result.rows[0].deadline, result.rows[0].due_date) == ("2024年13月", None)
    assert [(i.row, i.column, i.caption) for i in result.issues] == [(3, "B", "具体措施")]


def test_ledger_reader_captions_are_normalised_but_never_guessed():
    from tracker.vocabulary.captions import match_caption
    assert match_caption("完成\n时限：") == ("完成时限", "完成时限")
    assert match_caption(" 进展情况（截至3月底） ")[0] == "进展情况"
    assert match_caption("*序号")[0] == "序号"
    assert match_caption("\u3000工作\u3000动态")[0] == "进展情况"
    assert match_caption("牵头") is None and match_caption("牵头", sub_caption=True)[0] == "牵头单位"
    for text in ("完成情况说明书", "工作任务完成情况", "时限", 3, None, "加强" * 30):
        assert match_caption(text) is None


def test_ledger_reader_header_row_and_column_map_for_an_unrecognised_header(tmp_path):
    path = build(tmp_path, [["编 号", "事 项", "办理部门"], ["1", "修订管理办法", "市金融办"]])
    refused(path, "no_header")
    result = read_ledger(path, header_row=1, column_map={"序号": "A", "具体措施": "B", "牵头单位": "C"})
    assert (result.rows[0].number, result.rows[0].measure, result.rows[0].lead_units) == (
        "1", "修订管理办法", ["市金融办"])


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize("data, code, words", [
    (safety.OLE_MAGIC + b"\0" * 2000 + "Workbook".encode("utf-16-le"), "legacy_xls", "另存为”Excel 工作簿（.xlsx）"),
    (safety.OLE_MAGIC + b"\0" * 2000 + "EncryptedPackage".encode("utf-16-le"), "encrypted", "密码"),
    (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "not_xlsx", "网页"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "not_xlsx", "PDF"),
    (b"", "empty", "空"),
])
def test_ledger_reader_refuses_files_that_are_not_ledgers(data, code, words, no_openpyxl):
    error = refused(data, code)
    assert words in str(error)


def test_ledger_reader_refuses_a_zip_that_is_not_a_workbook(no_openpyxl):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "xl/workbook.xml" in str(refused(out.getvalue(), "not_xlsx"))


def test_ledger_reader_refuses_macros(tmp_path, no_openpyxl):
    data = write_own(tmp_path).read_bytes()
    refused(rezip(data, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 100}), "macro")
    refused(data, "macro", filename="台账.xlsm")


def test_ledger_reader_refuses_too_many_members(tmp_path, no_openpyxl):
    data = write_own(tmp_path).read_bytes()
    padded = rezip(data, add={f"xl/media/image{i}.png": b"x" for i in range(200)})
    assert "上限 200" in str(refused(padded, "too_many_members"))


def test_ledger_reader_refuses_a_member_with_a_high_compression_ratio(tmp_path, no_openpyxl):
    data = write_own(tmp_path).read_bytes()
    refused(rezip(data, add={"xl/media/pad.bin": b"\0" * 2_000_000}), "compression_ratio")


def test_ledger_reader_refuses_a_zip_bomb_before_openpyxl_runs(tmp_path, no_openpyxl):
    data = write_own(tmp_path).read_bytes()
    bomb = rezip(data, replace={"xl/worksheets/sheet1.xml": b"<x>" + b" " * 60_000_000 + b"</x>"})
    assert len(bomb) < 1_000_000
    refused(bomb, "compression_ratio")
    # With the ratio check out of the way, the declared total still stops it.
    error = refused(bomb, "unpacked_size", limits=LedgerLimits(max_ratio=1e9))
    assert "50 MB" in str(error)


def test_ledger_reader_zip_bomb_refusal_stays_small_in_memory(tmp_path):
    data = write_own(tmp_path).read_bytes()
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(rezip(data, replace={"xl/worksheets/sheet1.xml": b"<x>" + b" " * 200_000_000 + b"</x>"}))
    code, grown_mb = refusal_in_a_fresh_process("tracker.ledger:read_ledger", bomb)
    assert code == "compression_ratio"
    assert grown_mb < 50  # MB of resident memory grown while refusing


def test_ledger_reader_refuses_files_over_the_size_limit(tmp_path, no_openpyxl):
    path = write_own(tmp_path)
    limits = LedgerLimits(max_bytes=1000)
    for source in (path, path.read_bytes(), io.BytesIO(path.read_bytes())):
        assert "上限" in str(refused(source, "too_large", limits=limits))


def test_ledger_reader_refuses_more_rows_than_the_limit(tmp_path):
    rows = [["序号", "具体措施", "牵头单位"]] + [[i, f"任务{i}", "区发改局"] for i in range(1, 7)]
    path = build(tmp_path, rows)
    refused(path, "too_many_rows", limits=LedgerLimits(max_rows=5))
    assert len(read_ledger(path, limits=LedgerLimits(max_rows=6)).rows) == 6


def test_ledger_reader_forged_dimension_reads_only_the_real_rows(tmp_path):
    path = build(tmp_path, [["序号", "具体措施", "牵头单位", "完成时限"]]
                 + [[i, f"任务{i}", "区发改局", "年底"] for i in (1, 2, 3)])
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    forged = xml.replace('<dimension ref="A1:D4"/>', '<dimension ref="A1:XFD1048576"/>')
    assert forged != xml
    with cpu_seconds_under(1.0):
        result = read_ledger(rezip(data, replace={"xl/worksheets/sheet1.xml": forged}), "forged.xlsx")
    assert [r.measure for r in result.rows] == ["任务1", "任务2", "任务3"]


def test_ledger_reader_sheet_sized_merge_is_harmless(tmp_path):
    xml = sheet_xml(HEADER_XML + inline_row(2, "1", "加强监测", "市金融办")
                    + "</sheetData><mergeCells><mergeCell ref=\"A2:XFD1048576\"/></mergeCells><sheetData>")
    xml = xml.replace("<sheetData></sheetData>", "")
    with cpu_seconds_under(1.0):
        result = read_ledger(raw_xlsx(xml), "merge.xlsx")
    assert [r.measure for r in result.rows] == ["加强监测"]


def entity_workbooks():
    """(name, bytes) of workbooks abusing entities in the shared strings or the sheet itself."""
    cell = inline_row(2, "1", None, "市金融办").replace("</row>", '<c r="B2" t="s"><v>0</v></c></row>')
    for name, prolog, entity in (("laughs", LAUGHS, "&lol9;"), ("xxe", XXE, "&xxe;")):
        strings = f'{prolog}<sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>{entity}</t></si></sst>'
        yield f"{name}-sharedStrings", raw_xlsx(sheet_xml(HEADER_XML + cell), strings)
        inline = inline_row(2, "1", entity, "市金融办")
        yield f"{name}-sheet", raw_xlsx(sheet_xml(HEADER_XML + inline, prolog=prolog))


@pytest.mark.parametrize("name, data", list(entity_workbooks()))
def test_ledger_reader_refuses_entity_declarations_before_openpyxl(name, data, no_openpyxl):
    error = refused(data, "unsafe_xml", filename=f"{name}.xlsx")
    assert "root:" not in str(error) and "lol" not in str(error)


@pytest.mark.parametrize("name, data", list(entity_workbooks()))
def test_ledger_reader_defusedxml_refuses_entities_on_its_own(name, data, monkeypatch):
    assert openpyxl.xml.DEFUSEDXML is True
    monkeypatch.setattr(safety, "_check_xml_prologs", lambda archive, name: None)
    error = refused(data, "unsafe_xml", filename=f"{name}.xlsx")
    assert "root:" not in str(error)


def test_ledger_reader_refuses_a_prolog_padded_past_the_window():
    padding = "<!--" + "x" * 20_000 + "-->"
    data = raw_xlsx(sheet_xml(HEADER_XML, prolog=padding + XXE))
    refused(data, "unsafe_xml")


def test_ledger_reader_refuses_a_corrupt_workbook(tmp_path):
    data = write_own(tmp_path).read_bytes()
    refused(rezip(data, replace={"xl/workbook.xml": b"<workbook"}), "corrupt")
    refused(data[: len(data) // 2], "corrupt")


def test_ledger_reader_check_container_accepts_the_writers_output(tmp_path, no_openpyxl):
    check_xlsx_container(write_own(tmp_path).read_bytes(), "台账.xlsx", LedgerLimits())


def test_ledger_reader_knows_the_composed_unit_and_leader_captions_the_plan_parser_knows(tmp_path):
    # one vocabulary (tracker/vocabulary/captions.py): a 台账 captioned 主责处室 | 协责单位 | 包抓领导 maps them
    # as a Word task table does, the leader's column being a person's, never units
    path = build(tmp_path, [
        ["序号", "工作任务", "包抓领导", "主责处室", "协责单位", "完成时限"],
        [1, "完成老旧管网改造12公里", "周立", "区住建局", "区水务集团、各街道", "2024年10月底"],
    ])
    result = read_ledger(path)
    assert result.column_map["牵头单位"] == "D" and result.column_map["配合单位"] == "E"
    assert result.rows[0].lead_units == ["区住建局"]
    assert result.rows[0].supporting_units == ["区水务集团", "各街道"]
    assert "周立" not in result.rows[0].lead_units + result.rows[0].supporting_units


def test_ledger_reader_a_third_unit_column_beside_lead_and_supporting_ones_holds_more_supporting_units(tmp_path):
    # one vocabulary (captions.is_third_unit_column): a 台账 captioned 牵头单位 | 参与单位 | 责任单位 reads its third
    # unit column as a Word task table does, more supporting units, instead of ignoring it with a warning
    path = build(tmp_path, [
        ["序号", "工作任务", "牵头单位", "参与单位", "责任单位", "完成时限"],
        [1, "建成城市书房10家", "市文广旅局", "市财政局", "各区人民政府、市图书馆", "2024年12月底"],
        [2, "新增公共停车泊位2000个", "市住建局", "", "市公安局交警支队", "2024年10月底"],
    ])
    result = read_ledger(path)
    assert result.column_map["牵头单位"] == "C" and result.column_map["配合单位"] == "D"
    assert result.rows[0].lead_units == ["市文广旅局"]
    assert result.rows[0].supporting_units == ["市财政局", "各区人民政府", "市图书馆"]
    assert result.rows[1].supporting_units == ["市公安局交警支队"]
    assert not any("E 列" in warning for warning in result.warnings)
    assert "E" not in result.unmapped
