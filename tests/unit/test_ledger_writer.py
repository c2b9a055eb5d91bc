"""The ledger writer: an office exports its 工作台账 and opens it in Excel (CONTRACTS.md §3).

Each test writes a small ledger to a file, reopens it with openpyxl and checks what a user (or
import-ledger) would find, cell by cell. Run with ``pytest --noconftest``: no app, no database.
"""

import datetime
import io
import re
import zipfile

import openpyxl
import pytest

from tracker.ledger import (
    KEY_CAPTION,
    LEDGER_CAPTIONS,
    UNIT_SEPARATOR,
    VERSION_CAPTION,
    Ledger,
    LedgerRow,
    neutralize_cell_text,
    write_ledger,
)
from tracker.ledger.cells import needs_quote_prefix

TITLE = "重庆市金融去杠杆防风险专项方案工作台账"
CHOICES = ["未启动", "推进中", "已完成", "逾期"]
HYPERLINK = '=HYPERLINK("http://x","点击")'


def make_rows():
    """Four tasks under two headings; the second has no supporting units."""
    return [
        LedgerRow(
            key="a" * 32, version=3, number="一（一）", heading="防控金融高杠杆风险",
            measure="防范金融产品风险。组织开展金融产品杠杆风险排查，严控高杠杆金融产品。",
            lead_units=["人行重庆营管部", "重庆银监局"], supporting_units=["市金融办", "重庆证监局"],
            deadline="2016年底前", progress="已完成第一轮排查。", problems="部分机构报送不及时。",
            next_steps="开展第二轮排查。", status="推进中",
        ),
        LedgerRow(
            key="b" * 32, version=1, number="一（二）", heading="防控金融高杠杆风险",
            measure="规范融资担保行为。",
            lead_units=["市金融办"], supporting_units=[],
            deadline=None, progress=None, problems=None, next_steps=None, status="未启动",
        ),
        LedgerRow(
            key="c" * 32, version=7, number="二（一）", heading="防控房地产泡沫风险",
            measure="加强房地产市场监测。" * 12,
            lead_units=["市国土房管局"], supporting_units=["人行重庆营管部"],
            deadline="长期坚持", progress="按月监测。", problems=None, next_steps="继续监测。",
            status="推进中",
        ),
        LedgerRow(
            key="d" * 32, version=2, number="二（二）", heading="防控房地产泡沫风险",
            measure="严格执行差别化住房信贷政策。",
            lead_units=["重庆银监局"], supporting_units=["市住房城乡建委"],
            deadline="2017年6月底前", progress="已完成。", problems="无", next_steps="无",
            status="已完成",
        ),
    ]


def make_ledger(rows=None, **changes):
    """A ledger of ``rows`` (default make_rows()) for 市金融办 on 2024-03-05."""
    values = dict(
        title=TITLE, unit_name="市金融办", export_date=datetime.date(2024, 3, 5),
        rows=make_rows() if rows is None else rows, status_choices=list(CHOICES),
        plan_title="重庆市金融去杠杆防风险专项方案",
    )
    values.update(changes)
    return Ledger(**values)


def write_and_open(tmp_path, ledger=None):
    """Write ``ledger`` to a file and return (path, workbook, ledger sheet)."""
    path = tmp_path / "台账.xlsx"
    write_ledger(ledger or make_ledger(), path)
    workbook = openpyxl.load_workbook(path)
    return path, workbook, workbook.worksheets[0]


def sheet_xml(path):
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def column_hidden(sheet, index):
    """Whether column ``index`` is hidden (openpyxl may group columns into one <col> range)."""
    return any(d.hidden for d in sheet.column_dimensions.values() if d.min <= index <= d.max)


def merged(sheet):
    return {str(r) for r in sheet.merged_cells.ranges}


def test_ledger_writer_first_sheet_is_the_only_visible_ledger_sheet(tmp_path):
    _, workbook, sheet = write_and_open(tmp_path)
    assert sheet.title == "工作台账"
    assert [s.title for s in workbook.worksheets if s.sheet_state == "visible"] == ["工作台账"]
    assert workbook.properties.title == TITLE
    assert workbook.properties.creator == "tracker"


def test_ledger_writer_title_row_is_merged_bold_and_centred(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    assert sheet["A1"].value == TITLE
    assert "A1:J1" in merged(sheet)
    assert sheet["A1"].font.b and sheet["A1"].font.sz >= 14
    assert sheet["A1"].alignment.horizontal == "center"


def test_ledger_writer_unit_and_date_lines(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    assert sheet["A2"].value == "填报单位：市金融办"
    assert sheet["H2"].value == "填报日期：2024年3月5日"
    assert {"A2:E2", "H2:J2"} <= merged(sheet)
    assert sheet["H2"].alignment.horizontal == "right"


def test_ledger_writer_unit_line_without_unit_name(tmp_path):
    _, _, sheet = write_and_open(tmp_path, make_ledger(unit_name=None))
    assert sheet["A2"].value == "填报单位："


def test_ledger_writer_header_captions_in_contract_order(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    assert tuple(c.value for c in sheet["A3:J3"][0]) == LEDGER_CAPTIONS
    assert LEDGER_CAPTIONS == ("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限",
                               "进展情况", "存在问题", "下步计划", "完成状态")
    assert (sheet["K3"].value, sheet["L3"].value) == (KEY_CAPTION, VERSION_CAPTION) == ("任务键", "版本")
    assert column_hidden(sheet, 11) and column_hidden(sheet, 12)
    assert not any(column_hidden(sheet, i) for i in range(1, 11))
    header = sheet["C3"]
    assert header.font.b and header.fill.fgColor.rgb.endswith("D9D9D9")
    assert header.alignment.horizontal == "center" and header.alignment.wrap_text
    assert header.border.left.style == "thin"


def test_ledger_writer_every_data_cell(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    expected = [
        ["一（一）", "防控金融高杠杆风险", make_rows()[0].measure, "人行重庆营管部、重庆银监局",
         "市金融办、重庆证监局", "2016年底前", "已完成第一轮排查。", "部分机构报送不及时。",
         "开展第二轮排查。", "推进中", "a" * 32, 3],
        ["一（二）", None, "规范融资担保行为。", "市金融办", None, None, None, None, None,
         "未启动", "b" * 32, 1],
        ["二（一）", "防控房地产泡沫风险", "加强房地产市场监测。" * 12, "市国土房管局",
         "人行重庆营管部", "长期坚持", "按月监测。", None, "继续监测。", "推进中", "c" * 32, 7],
        ["二（二）", None, "严格执行差别化住房信贷政策。", "重庆银监局", "市住房城乡建委",
         "2017年6月底前", "已完成。", "无", "无", "已完成", "d" * 32, 2],
    ]
    actual = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=4, max_col=12)]
    assert actual == expected
    assert UNIT_SEPARATOR == "、"
    assert sheet.max_row == 7


def test_ledger_writer_data_cells_are_bordered_and_wrapped(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    for row in sheet.iter_rows(min_row=4, max_row=7, max_col=10):
        for cell in row:
            if isinstance(cell, openpyxl.cell.cell.MergedCell):
                continue
            assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
            assert cell.alignment.wrap_text
    assert sheet["C4"].alignment.vertical == "top"
    assert sheet["A4"].alignment.vertical == "center"
    assert sheet["J4"].alignment.vertical == "center"


def test_ledger_writer_merges_consecutive_rows_of_one_heading(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    assert {"B4:B5", "B6:B7"} <= merged(sheet)
    assert sheet["B4"].alignment.vertical == "center"


def test_ledger_writer_does_not_merge_empty_or_single_headings(tmp_path):
    rows = make_rows()
    rows[0].heading = rows[1].heading = ""
    rows[3].heading = "三、其他"
    _, _, sheet = write_and_open(tmp_path, make_ledger(rows))
    assert not any(r.startswith("B") for r in merged(sheet))


def test_ledger_writer_rows_are_tall_enough_for_wrapped_text(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    short, long = sheet.row_dimensions[5].height, sheet.row_dimensions[6].height
    assert 15 <= short < long <= 409
    # 120 CJK characters in a 60-wide column wrap to about 5 lines of ~15 points.
    assert long >= 4 * 15


def test_ledger_writer_freezes_below_the_header(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    assert sheet.freeze_panes == "C4"


def test_ledger_writer_print_settings(tmp_path):
    path, _, sheet = write_and_open(tmp_path)
    setup = sheet.page_setup
    assert setup.orientation == "landscape"
    assert int(setup.paperSize) == 9
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"
    assert "$A$1:$J$7" in str(sheet.print_area)
    assert "第 &P 页 共 &N 页" in sheet.oddFooter.center.text
    assert sheet.page_margins.left < 0.75


def test_ledger_writer_status_drop_down(tmp_path):
    _, _, sheet = write_and_open(tmp_path)
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list"
    assert validation.formula1 == '"未启动,推进中,已完成,逾期"'
    assert validation.allow_blank
    assert str(validation.sqref) == "J4:J7"


@pytest.mark.parametrize("choices", [
    ["未启动", "推进中，需协调", "已完成"] + [f"状态{i}" * 10 for i in range(10)],
    ["未启动", "推进中,需协调", "-已完成"],
])
def test_ledger_writer_long_status_choices_use_a_hidden_sheet(tmp_path, choices):
    _, workbook, sheet = write_and_open(tmp_path, make_ledger(status_choices=choices))
    (validation,) = sheet.data_validations.dataValidation
    lists = workbook["选项"]
    assert lists.sheet_state == "hidden"
    assert [row[0].value for row in lists.iter_rows()] == choices
    assert validation.formula1 == f"'选项'!$A$1:$A${len(choices)}"


def test_ledger_writer_no_drop_down_without_choices(tmp_path):
    _, workbook, sheet = write_and_open(tmp_path, make_ledger(status_choices=[]))
    assert not sheet.data_validations.dataValidation
    assert len(workbook.worksheets) == 1


@pytest.mark.parametrize("text", [HYPERLINK, "+1+1", "-2", "@SUM(A1)", "\tcmd", "\r=1+1", "=1+1"])
def test_ledger_writer_formula_like_text_stays_text(tmp_path, text):
    rows = make_rows()
    rows[0].progress = text
    rows[1].problems = text
    rows[2].measure = text
    path, _, sheet = write_and_open(tmp_path, make_ledger(rows))
    for ref in ("G4", "H5", "C6"):
        cell = sheet[ref]
        assert cell.value == text
        assert cell.data_type == "s"
        assert cell.quotePrefix
    assert "<f>" not in sheet_xml(path) and "<f " not in sheet_xml(path)
    assert not sheet["G7"].quotePrefix


def test_ledger_writer_nul_is_removed_and_the_rest_stays_text(tmp_path):
    rows = make_rows()
    rows[0].progress = "\0=1+1"
    path, _, sheet = write_and_open(tmp_path, make_ledger(rows))
    assert sheet["G4"].value == "=1+1" and sheet["G4"].quotePrefix
    assert "<f>" not in sheet_xml(path)


def test_ledger_writer_illegal_characters_are_removed(tmp_path):
    rows = make_rows()
    rows[0].problems = "资金\x01到位\x0b滞后"
    rows[1].heading = rows[0].heading
    _, _, sheet = write_and_open(tmp_path, make_ledger(rows))
    assert sheet["H4"].value == "资金到位滞后"


def test_ledger_writer_version_stays_an_integer(tmp_path):
    path, _, sheet = write_and_open(tmp_path)
    assert [sheet.cell(r, 12).value for r in range(4, 8)] == [3, 1, 7, 2]
    assert all(type(sheet.cell(r, 12).value) is int for r in range(4, 8))
    assert re.search(r'<c r="L4"[^>]* t="n"[^>]*><v>3</v></c>', sheet_xml(path))


def test_ledger_writer_rejects_a_non_integer_version_and_leaves_no_file(tmp_path):
    rows = make_rows()
    rows[2].version = "7"
    path = tmp_path / "bad.xlsx"
    with pytest.raises(TypeError, match="version"):
        write_ledger(make_ledger(rows), path)
    assert list(tmp_path.iterdir()) == []


def test_ledger_writer_replaces_an_existing_file(tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(b"old")
    write_ledger(make_ledger(), path)
    assert openpyxl.load_workbook(path).worksheets[0]["A1"].value == TITLE
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]


def test_ledger_writer_writes_to_a_binary_stream(tmp_path):
    buffer = io.BytesIO()
    write_ledger(make_ledger(), buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).worksheets[0]
    assert sheet["A1"].value == TITLE
    assert sheet["K4"].value == "a" * 32


def test_ledger_writer_empty_ledger_has_title_and_header(tmp_path):
    _, _, sheet = write_and_open(tmp_path, make_ledger(rows=[]))
    assert tuple(c.value for c in sheet["A3:J3"][0]) == LEDGER_CAPTIONS
    assert sheet.max_row == 3
    assert not sheet.data_validations.dataValidation


def test_neutralize_cell_text_keeps_text_and_drops_illegal_characters():
    assert neutralize_cell_text(None) is None
    assert neutralize_cell_text(HYPERLINK) == HYPERLINK
    assert neutralize_cell_text("a\x01b\x0bc\x00d\te\r\nf") == "abcd\te\r\nf"
    assert len(neutralize_cell_text("字" * 40000)) == 32767
    with pytest.raises(TypeError):
        neutralize_cell_text(5)


def test_needs_quote_prefix_only_for_formula_triggers():
    for text in ("=1", "+1", "-1", "@a", "\ta", "\ra", "\0a"):
        assert needs_quote_prefix(text)
    for text in (None, "", "推进中", "1-2", "a=b", " =1"):
        assert not needs_quote_prefix(text)


def test_ledger_writer_declares_the_sheet_dimension(tmp_path):
    # Without <dimension>, openpyxl's read-only mode parses the whole sheet once more to size it.
    path, _, _ = write_and_open(tmp_path)
    assert '<dimension ref="A1:L7"/>' in sheet_xml(path)
    empty = tmp_path / "empty.xlsx"
    write_ledger(make_ledger(rows=[]), empty)
    assert '<dimension ref="A1:L3"/>' in sheet_xml(empty)


def test_ledger_writer_writes_the_sheet_in_utf8(tmp_path):
    # ASCII output turns each CJK character into an 8-byte &#NNNNN; reference (2.5x the XML).
    path, _, sheet = write_and_open(tmp_path)
    xml = sheet_xml(path)
    assert "填报单位：市金融办" in xml and "&#" not in xml.replace("&#13;", "")
    assert sheet["G4"].value == "已完成第一轮排查。"


def test_ledger_writer_deflates_quickly_and_writes_what_openpyxl_would(tmp_path):
    # The workbook's zip is deflated at the fastest level (writer.ZIP_LEVEL, issue 19: the whole export process
    # against its floor): the same members with the same bytes as openpyxl's own save writes, a valid zip that
    # openpyxl reads back, a little larger than at zlib's default level.
    from tracker.ledger.writer import build_workbook

    ledger = make_ledger(rows=make_rows() * 50)
    ours = tmp_path / "ours.xlsx"
    write_ledger(ledger, ours)
    openpyxls = tmp_path / "openpyxl.xlsx"
    build_workbook(ledger).save(openpyxls)
    with zipfile.ZipFile(ours) as fast, zipfile.ZipFile(openpyxls) as default:
        assert fast.testzip() is None
        assert fast.namelist() == default.namelist()
        for name in fast.namelist():
            assert fast.getinfo(name).compress_type == zipfile.ZIP_DEFLATED, name
            if name != "docProps/core.xml":  # its modified time is the second it was saved
                assert fast.read(name) == default.read(name), name
        sheet = "xl/worksheets/sheet1.xml"
        assert fast.getinfo(sheet).compress_size > default.getinfo(sheet).compress_size
    sheet = openpyxl.load_workbook(ours).worksheets[0]
    assert [cell.value for cell in sheet[4]][:3] == ["一（一）", "防控金融高杠杆风险", make_rows()[0].measure]


def test_ledger_writer_a_repeated_unit_deadline_or_status_is_the_same_safe_cell_in_every_row(tmp_path):
    # The columns whose texts repeat (重点任务, units, 完成时限, 完成状态) make each distinct text's cell once and reuse
    # it (issue 19): every row still shows its own text, formula-like ones as quoted text, blanks as blanks.
    rows = make_rows()
    for row in rows:
        row.lead_units = ["=1+1"]
        row.deadline = "+2016年底前"
    rows[1].supporting_units, rows[2].supporting_units = ["@单位"], ["@单位"]
    rows[3].status = "已完成"
    _, _, sheet = write_and_open(tmp_path, make_ledger(rows))
    for number in range(4, 8):
        assert sheet[f"D{number}"].value == "=1+1" and sheet[f"D{number}"].quotePrefix
        assert sheet[f"F{number}"].value == "+2016年底前" and sheet[f"F{number}"].quotePrefix
        assert sheet[f"D{number}"].data_type == "s"
    assert [sheet[f"E{n}"].value for n in range(4, 8)] == ["市金融办、重庆证监局", "@单位", "@单位", "市住房城乡建委"]
    assert sheet["E5"].quotePrefix and not sheet["E7"].quotePrefix
    assert [sheet[f"J{n}"].value for n in range(4, 8)] == ["推进中", "未启动", "推进中", "已完成"]
