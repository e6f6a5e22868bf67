"""Sizes, fonts, rules and margins of the printed sheets, measured in the PDF (pdfplumber)
against Nghị định 30/2020/NĐ-CP, Phụ lục I."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest

from ictdesk.core.report import rollup_sheet, unit_sheet
from ictdesk.core.report_frame import save_sheet_settings
from ictdesk.core.store import ValueStore
from printed_pdf import MM

TOLERANCE = 0.3 * MM  # positions
SIZE = 0.05  # points: Qt rounds a font to whole pixels at 1200 dpi
LEFT, TOP, RIGHT, BOTTOM = 30 * MM, 20 * MM, 15 * MM, 20 * MM


class Printed:
    """A printed sheet's PDF, with each page's words (split where the font changes)."""

    def __init__(self, path, sheet):
        self.sheet = sheet
        self.pdf = pdfplumber.open(path)
        self.pages = self.pdf.pages
        self.words = [p.extract_words(extra_attrs=["size", "fontname"]) for p in self.pages]

    def find(self, text: str, page: int = 0) -> list[dict]:
        """The words of ``text`` where they follow each other on ``page`` (-1: the last)."""
        words, wanted = self.words[page], text.split()
        for start in range(len(words) - len(wanted) + 1):
            if [w["text"] for w in words[start : start + len(wanted)]] == wanted:
                return words[start : start + len(wanted)]
        raise AssertionError(f"{text!r} is not on page {page}")


def box(words):
    return (
        min(w["x0"] for w in words),
        min(w["top"] for w in words),
        max(w["x1"] for w in words),
        max(w["bottom"] for w in words),
    )


def centre(words) -> float:
    x0, _, x1, _ = box(words)
    return (x0 + x1) / 2


def sized(words, low: float, high: float) -> bool:
    return all(low - SIZE <= w["size"] <= high + SIZE for w in words)


def bold(words) -> bool:
    return all("Bold" in w["fontname"] for w in words)


def italic(words) -> bool:
    return all("Italic" in w["fontname"] for w in words)


def upright(words) -> bool:
    return not any("Italic" in w["fontname"] for w in words)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("sizes") / "p.db"
    ValueStore.create(path, {"province_code": "25"})
    store = ValueStore.open(path)
    save_sheet_settings(
        store,
        "08740",
        {
            "report_number": "5",
            "report_preparer_name": "Nguyễn Thị Lan",
            "report_head_title": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
            "report_head_name": "Trần Văn Minh",
        },
    )
    names = {"report_preparer_name": "Lê Thu Hà", "report_head_name": "Phạm Minh Đức"}
    save_sheet_settings(store, "25", names)
    yield store
    store.close()


@pytest.fixture(scope="module", params=["commune", "province"])
def printed(request, store, qapp, tmp_path_factory):
    """The commune's unit sheet (portrait) and the province's roll-up (landscape)."""
    from ictdesk.gui.printing import write_pdf

    day = date(2026, 3, 5)
    if request.param == "commune":
        sheet = unit_sheet(store, "08740", "2025Q4", day)
    else:
        sheet = rollup_sheet(store, "25", "2025Q4", day)
    path = tmp_path_factory.mktemp("printed") / f"{request.param}.pdf"
    write_pdf(sheet, path)
    document = Printed(path, sheet)
    yield document
    document.pdf.close()


def test_the_agency_lines_are_capitals_12_to_13_the_issuing_one_bold(printed):
    header = printed.sheet.header
    parent = printed.find(header.parent_agency)
    agency = printed.find(header.agency)
    assert header.agency == header.agency.upper() and header.parent_agency.isupper()
    assert sized(parent, 12, 13) and not bold(parent) and upright(parent)
    assert sized(agency, 12, 13) and bold(agency) and upright(agency)
    page_width = printed.pages[0].width
    assert box(agency)[2] < page_width / 2  # top left


def test_the_motto_is_12_to_13_capitals_over_13_to_14_bold_with_a_rule_as_wide(printed):
    nation = printed.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    motto = printed.find("Độc lập - Tự do - Hạnh phúc")
    assert sized(nation, 12, 13) and bold(nation)
    assert sized(motto, 13, 14) and bold(motto)
    assert abs(centre(nation) - centre(motto)) < TOLERANCE
    x0, _, x1, bottom = box(motto)
    rules = [
        line
        for line in printed.pages[0].lines
        if bottom < line["top"] < bottom + 3 * MM and line["x0"] > printed.pages[0].width / 2.5
    ]
    assert len(rules) == 1
    rule = rules[0]
    assert abs(rule["x0"] - x0) < 1 and abs(rule["x1"] - x1) < 1  # as wide as the line
    assert rule["linewidth"] >= 0.5  # a rule that prints, not a zero-height hairline


def test_the_agency_rule_is_a_third_to_a_half_of_its_line_and_centred(printed):
    agency = printed.find(printed.sheet.header.agency)
    lines_of_agency = {round(w["top"]) for w in agency}
    widest = max(
        box([w for w in agency if round(w["top"]) == top])[2]
        - box([w for w in agency if round(w["top"]) == top])[0]
        for top in lines_of_agency
    )
    bottom = box(agency)[3]
    rule = next(line for line in printed.pages[0].lines if bottom < line["top"] < bottom + 3 * MM)
    assert widest / 3 <= rule["x1"] - rule["x0"] <= widest / 2
    assert abs((rule["x0"] + rule["x1"]) / 2 - centre(agency)) < TOLERANCE
    assert rule["linewidth"] >= 0.5


def test_number_and_place_date_share_a_line_the_date_italic_padded_under_the_motto(printed):
    header = printed.sheet.header
    number = printed.find("Số:")
    assert sized(number, 13, 13)
    symbol = header.number.split()[-1]
    assert symbol in {"05/BC-UBND", "/BC-SKHCN"}
    assert abs(centre(number + printed.find(symbol)) - centre(printed.find(header.agency))) < 1
    place = "Phúc Yên" if printed.sheet.kind == "unit" else "Phú Thọ"
    date_line = printed.find(f"{place}, ngày 05 tháng 03 năm 2026")
    assert sized(date_line, 13, 14) and italic(date_line)
    motto = printed.find("Độc lập - Tự do - Hạnh phúc")
    assert abs(centre(date_line) - centre(motto)) < 1 * MM
    assert abs(date_line[0]["bottom"] - number[0]["bottom"]) < 1.5  # on one line


def test_the_title_is_bold_capitals_13_to_14_over_a_bold_summary(printed):
    header = printed.sheet.header
    title = printed.find(header.title)
    subtitle = printed.find(header.subtitle)
    assert header.title.isupper() and sized(title, 13, 14) and bold(title)
    assert sized(subtitle, 13, 14) and bold(subtitle)
    width = printed.pages[0].width
    middle = LEFT + (width - LEFT - RIGHT) / 2
    assert abs(centre(title) - middle) < 1 * MM and abs(centre(subtitle) - middle) < 1 * MM


def _table_words(printed, page):
    rects = [r for r in printed.pages[page].rects if r["width"] > 3 * MM]
    top, bottom = min(r["top"] for r in rects), max(r["bottom"] for r in rects)
    return [w for w in printed.words[page] if top < w["top"] and w["bottom"] < bottom]


def test_the_table_is_11_to_12_full_width_black_and_closed_on_every_page(printed):
    width = printed.pages[0].width
    for number, page in enumerate(printed.pages):
        rects = [r for r in page.rects if r["width"] > 3 * MM]  # cells, not chart markers
        if not rects:
            continue
        assert sized(_table_words(printed, number), 11, 12)
        assert all(r["stroking_color"] == (0.0, 0.0, 0.0) for r in rects)
        assert all(r["linewidth"] >= 0.4 for r in rects)
        assert abs(min(r["x0"] for r in rects) - LEFT) < TOLERANCE
        assert abs(max(r["x1"] for r in rects) - (width - RIGHT)) < TOLERANCE  # full width
        for edge in (min(r["top"] for r in rects), max(r["bottom"] for r in rects)):
            spans = sorted(
                (r["x0"], r["x1"]) for r in rects if abs(r["top"] - edge) < 0.1
            ) or sorted((r["x0"], r["x1"]) for r in rects if abs(r["bottom"] - edge) < 0.1)
            reach = spans[0][1]
            for x0, x1 in spans[1:]:
                assert x0 <= reach + 0.1  # no gap: the border is closed across the page
                reach = max(reach, x1)
            assert spans[0][0] - LEFT < TOLERANCE and reach > width - RIGHT - TOLERANCE


def test_the_signers_titles_are_bold_with_room_to_sign_and_the_names_bold(printed):
    header = printed.sheet.header
    for signer in header.signers:
        titles = [printed.find(t, -1) for t in signer.titles]
        hint = printed.find(signer.hint, -1)
        name = printed.find(signer.name, -1)
        for title in titles:
            assert sized(title, 13, 14) and bold(title)
        assert [box(t)[1] for t in titles] == sorted(box(t)[1] for t in titles)
        assert sized(hint, 13, 14) and italic(hint)
        assert sized(name, 13, 14) and bold(name)
        assert box(name)[1] - box(hint)[3] >= 25 * MM  # room to sign and stamp
        assert abs(centre(name) - centre(titles[0])) < 1 * MM
    if printed.sheet.kind == "unit":
        kt, deputy = header.signers[1].titles
        assert (kt, deputy) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def test_the_recipients_stand_bottom_left_bold_italic_12_entries_11(printed):
    header = printed.sheet.header
    title = printed.find("Nơi nhận:", -1)
    assert sized(title, 12, 12) and bold(title) and italic(title)
    assert abs(box(title)[0] - LEFT) < TOLERANCE
    signatures = printed.find(header.signers[-1].name, -1)
    assert box(title)[1] > box(signatures)[1]  # below the signatures' names
    for entry in header.recipients:
        words = printed.find(entry, -1)
        assert sized(words, 11, 11) and not bold(words)
        assert box(words)[0] < printed.pages[-1].width / 2


def test_page_numbers_are_centred_in_the_top_margin_from_page_two(printed):
    width = printed.pages[0].width
    middle = LEFT + (width - LEFT - RIGHT) / 2
    assert len(printed.pages) >= 2
    assert not [w for w in printed.words[0] if w["top"] < TOP]
    for number, words in enumerate(printed.words[1:], start=2):
        in_margin = [w for w in words if w["top"] < TOP]
        assert [w["text"] for w in in_margin] == [str(number)]
        assert sized(in_margin, 13, 14) and abs(centre(in_margin) - middle) < TOLERANCE
        assert in_margin[0]["bottom"] < TOP


def test_every_page_keeps_the_decrees_margins(printed):
    for number, page in enumerate(printed.pages):
        width, height = page.width, page.height
        body = [w for w in printed.words[number] if w["top"] >= TOP - TOLERANCE]
        drawn = body + page.rects + page.lines + page.curves
        assert min(d["x0"] for d in drawn) >= LEFT - TOLERANCE
        assert max(d["x1"] for d in drawn) <= width - RIGHT + TOLERANCE
        assert min(d["top"] for d in drawn) >= TOP - TOLERANCE
        assert max(d["bottom"] for d in drawn) <= height - BOTTOM + TOLERANCE
        if number:  # the body starts at the 20 mm margin, not under a band 10 mm lower
            assert min(d["top"] for d in drawn) < TOP + 1 * MM


def test_the_notes_read_at_13_to_14(printed):
    for note in printed.sheet.notes:
        words = printed.find(note, -1)
        assert sized(words, 13, 14)


def test_the_chart_prints_in_black_and_its_lines_differ_by_dash(demo_store, qapp, tmp_path):
    from ictdesk.gui.printing import write_pdf

    sheet = unit_sheet(demo_store, "08740", "2025Q4", date(2026, 3, 5))
    write_pdf(sheet, tmp_path / "chart.pdf")
    with pdfplumber.open(tmp_path / "chart.pdf") as pdf:
        page = pdf.pages[0]
        assert all(c["non_stroking_color"] == (0.0, 0.0, 0.0) for c in page.chars)
        heading = page.search("Diễn biến một số chỉ tiêu chính")[0]
        legend = [page.search(name)[0] for name, _ in sheet.chart]
        axis = page.search("Quý IV/2025")
        assert legend and axis and all(w["top"] > heading["top"] for w in legend)
        series = [line for line in page.lines if line["linewidth"] > 1]
        assert all(line["stroking_color"] == (0.0, 0.0, 0.0) for line in series)
        patterns = {tuple(line["dash"][0]) for line in series}
        assert len(patterns) == 3  # solid, dashed, dotted
        assert len(page.curves) >= 8  # round markers on the first line
