"""Every printed sheet a clerk could sign: read back from the PDF, page by page.

The roll-up of each of the 34 provinces (empty databases, Vietnamese and English), the demo's
sheets, and a roll-up of every commune count from 1 to 160 (the demo's rows, cut or repeated
in memory): on each, no page is blank, every row is whole on one page, and the signature
titles, their "(Ký…)" lines and the table's last rows share the last page.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from ictdesk.core.report import Sheet, SheetRow, rollup_sheet, unit_sheet
from ictdesk.core.store import ValueStore
from ictdesk.core.units import official_provinces
from printed_pdf import page_texts, problems, row_tokens, texts_of

DAY = date(2026, 1, 5)


@pytest.fixture(scope="module")
def province_stores(tmp_path_factory):
    """An empty database for each of the 34 provinces, made once."""
    folder = tmp_path_factory.mktemp("provinces")
    stores = {}
    for province in official_provinces():
        path = folder / f"{province.code}.db"
        ValueStore.create(path, {"province_code": province.code})
        stores[province.code] = ValueStore.open(path, read_only=True)
    yield stores
    for store in stores.values():
        store.close()


@pytest.fixture
def printed(qapp, tmp_path):
    from ictdesk.gui.printing import write_pdf

    def write(sheet: Sheet, name: str = "sheet"):
        path = tmp_path / f"{name}.pdf"
        pages = write_pdf(sheet, path)
        return path, pages

    return write


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_rollup_of_every_province_is_signed_with_its_last_rows(
    province_stores, printed, language
):
    sheets = {
        code: rollup_sheet(store, code, "2025Q4", DAY, language)
        for code, store in province_stores.items()
    }
    printed_pages = {code: printed(sheet, f"p{code}") for code, sheet in sheets.items()}
    texts = texts_of([path for path, _ in printed_pages.values()])
    failed = {}
    for (code, (_, pages)), pages_texts in zip(printed_pages.items(), texts, strict=True):
        assert len(pages_texts) == pages
        if found := problems(pages_texts, sheets[code]):
            failed[code] = found
    assert not failed, failed
    assert len(province_stores) == 34


@pytest.mark.parametrize(
    ("kind", "unit", "period"),
    [
        ("rollup", "25", "2025Q4"),
        ("rollup", "25", "2025"),
        ("rollup", "25", "2025S1"),
        ("rollup", "25", "202512"),
        ("unit", "25", "2025Q4"),
        ("unit", "08740", "2025Q4"),
        ("unit", "08740", "2025"),
        ("unit", "08740", "2024S2"),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_demos_sheets_are_signed_with_their_last_rows(
    demo_store, printed, kind, unit, period, language
):
    build = rollup_sheet if kind == "rollup" else unit_sheet
    sheet = build(demo_store, unit, period, DAY, language)
    path, _ = printed(sheet)
    assert problems(path, sheet) == []


def _with_communes(sheet: Sheet, count: int) -> Sheet:
    """``sheet`` with ``count`` commune rows (its own, repeated past its last) and its total."""
    communes = sheet.rows[:-1]
    rows = [
        dataclasses.replace(communes[i % len(communes)], number=str(i + 1)) for i in range(count)
    ]
    if count > len(communes):  # repeated names get a mark, so each row reads as its own
        rows = [
            dataclasses.replace(r, name=f"{r.name} ({n // len(communes) + 1})")
            if n >= len(communes)
            else r
            for n, r in enumerate(rows)
        ]
    return dataclasses.replace(sheet, rows=rows + [sheet.rows[-1]])


def test_every_commune_count_from_1_to_160_is_signed_with_its_last_rows(demo_store, printed):
    full = rollup_sheet(demo_store, "25", "2025Q4", DAY)
    english = rollup_sheet(demo_store, "25", "2025", DAY, "en")
    sheets, paths, page_counts = {}, [], {}
    for count in range(1, 161):
        sheets[count] = _with_communes(english if count % 5 == 0 else full, count)
        path, page_counts[count] = printed(sheets[count], f"c{count}")
        paths.append(path)
    failed = {}
    for count, texts in zip(sheets, texts_of(paths), strict=True):
        assert len(texts) == page_counts[count]
        if found := problems(texts, sheets[count]):
            failed[count] = found
    assert not failed, failed
    assert page_counts[1] <= 2 and page_counts[160] >= 7
    vietnamese = [page_counts[n] for n in range(1, 161) if n % 5]
    assert vietnamese == sorted(vietnamese)  # more communes never print on fewer pages


def _tall_rows_sheet(demo_store) -> Sheet:
    """A unit sheet whose rows are 1 to 6 lines tall, each word naming its row and line."""
    sheet = unit_sheet(demo_store, "08740", "2025Q4", DAY)
    rows = []
    for number in range(1, 90):
        lines = 1 + number % 6
        name = " ".join(f"r{number}w{word}" for word in range(lines * 5))
        rows.append(SheetRow(str(number), name, "hộ", ("1", "2", "+3%", "–", "–")))
    return dataclasses.replace(sheet, rows=rows, chart=[])


def test_no_row_is_ever_split_across_pages(demo_store, printed):
    sheet = _tall_rows_sheet(demo_store)
    path, pages = printed(sheet)
    texts = page_texts(path)
    assert pages >= 5
    for row in sheet.rows:
        words = row.name.split()
        pages_of_words = {n for word in words for n, text in enumerate(texts) if word in text}
        assert len(pages_of_words) == 1, f"row {row.number} is on pages {pages_of_words}"
    assert problems(path, sheet) == []


def test_the_rows_of_phuc_yen_and_the_province_are_whole_on_one_page(demo_store, printed):
    # Row 17 "Số thuê bao di động trên 100 dân" once split over pages 1 and 2 (issue 18).
    for unit in ("08740", "25"):
        sheet = unit_sheet(demo_store, unit, "2025Q4", DAY)
        path, _ = printed(sheet)
        texts = [" " + " ".join(t.split()) + " " for t in page_texts(path)]
        row = next(r for r in sheet.rows if r.name == "Số thuê bao di động trên 100 dân")
        assert sum(row_tokens(sheet, row) in text for text in texts) == 1
        assert problems(path, sheet) == []


def test_the_print_preview_paints_the_same_pages(qtbot, demo_store):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from ictdesk.gui.printing import lay_out, make_printer, preview

    sheet = rollup_sheet(demo_store, "25", "2025Q4", DAY)
    dialog = preview(sheet)
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    widget.updatePreview()
    expected = len(lay_out(sheet, make_printer(sheet)).pages)
    qtbot.waitUntil(lambda: widget.pageCount() == expected, timeout=5000)
    dialog.close()
