"""Page breaks of a printed sheet, from heights alone (core.report_layout, no Qt)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from ictdesk.core.report_layout import KEEP_ROWS, Block, paginate, sheet_blocks

PAGE, HEADER = 250.0, 20.0


def _layout(front, rows, closing, page=PAGE, header=HEADER):
    blocks = sheet_blocks(front, rows, closing, page, header)
    return blocks, paginate(blocks, page, header)


def _kinds(front, rows, closing):
    return ["front"] * len(front) + ["row"] * len(rows) + ["closing"] * len(closing)


def _used(blocks, page):
    return max(p.top + blocks[p.index].height for p in page)


def test_a_table_longer_than_a_page_repeats_its_header_on_every_page():
    blocks, pages = _layout([60.0, 20.0], [(10.0, False)] * 60, [(70.0, True)])
    assert len(pages) == 4
    for page in pages:
        first_row = next(p for p in page if blocks[p.index].row)
        assert first_row.header  # the column header is drawn above it
        assert _used(blocks, page) <= PAGE
    headers = [p for page in pages for p in page if p.header]
    assert len(headers) == len(pages)


def test_signatures_that_fit_only_on_a_new_page_take_the_last_rows_with_them():
    # 17 rows fill the first page to 240 of 250: the signatures (70) would stand alone.
    blocks, pages = _layout([40.0, 10.0], [(10.0, False)] * 17, [(70.0, True)])
    last = pages[-1]
    indices = [p.index for p in last]
    assert indices[-1] == len(blocks) - 1  # the signature block
    rows_there = [i for i in indices if blocks[i].row]
    assert len(rows_there) == KEEP_ROWS and rows_there[-1] == len(blocks) - 2
    assert last[0].header


def test_no_page_is_left_blank_and_no_block_is_lost_or_repeated():
    for count in range(1, 80):
        blocks, pages = _layout([55.0, 25.0], [(9.0, False)] * count, [(20.0, False), (75.0, True)])
        placed = [p.index for page in pages for p in page]
        assert placed == list(range(len(blocks)))
        assert all(pages)


def test_a_heading_row_stays_with_the_row_under_it():
    rows = [(10.0, False)] * 16 + [(10.0, True)] + [(10.0, False)] * 10
    blocks, pages = _layout([40.0, 10.0], rows, [(30.0, True)])
    heading = 2 + 16
    page_of = {p.index: n for n, page in enumerate(pages) for p in page}
    assert page_of[heading] == page_of[heading + 1]


def test_a_closing_taller_than_a_page_breaks_between_notes_but_keeps_the_signatures():
    notes = [(12.0, False)] + [(30.0, True)] * 9  # heading, then long notes
    closing = notes + [(80.0, True)]
    blocks, pages = _layout([60.0, 20.0], [(10.0, False)] * 5, closing)
    page_of = {p.index: n for n, page in enumerate(pages) for p in page}
    signature, last_note = len(blocks) - 1, len(blocks) - 2
    assert page_of[signature] == page_of[last_note]
    assert page_of[2 + 5] == page_of[2 + 4]  # the notes' heading with the last row


def test_a_short_table_gives_the_title_one_row_rather_than_leave_the_signatures_alone():
    # Title, 3 rows and signatures do not fit on one page, and every break is kept.
    blocks, pages = _layout([120.0, 20.0], [(4.0, False)] * 3, [(8.0, False), (79.0, True)])
    assert [[blocks[p.index].row for p in page] for page in pages] == [
        [False, False, True],
        [True, True, False, False],
    ]


def test_a_block_taller_than_a_page_gets_a_page_of_its_own():
    blocks = [Block(100.0), Block(400.0), Block(100.0)]
    pages = paginate(blocks, PAGE, HEADER)
    assert [[p.index for p in page] for page in pages] == [[0], [1], [2]]


@settings(max_examples=300, deadline=None)
@given(
    rows=st.lists(
        st.tuples(st.floats(4.0, 60.0), st.booleans()),
        min_size=1,
        max_size=90,
    ),
    notes=st.lists(st.floats(5.0, 40.0), max_size=6),
    signature=st.floats(40.0, 120.0),
    front=st.floats(30.0, 120.0),
)
def test_any_sheet_keeps_its_signatures_with_table_rows(rows, notes, signature, front):
    closing = ([(8.0, False)] + [(n, True) for n in notes] if notes else []) + [(signature, True)]
    blocks, pages = _layout([front, 20.0], rows, closing)
    placed = [p.index for page in pages for p in page]
    assert placed == list(range(len(blocks)))  # every block once, in order: none split
    assert all(pages)
    for page in pages:
        if len(page) > 1:
            assert _used(blocks, page) <= PAGE + 1e-6
        first_row = next((p for p in page if blocks[p.index].row), None)
        if first_row is not None:
            assert first_row.header
    closing_height = sum(h for h, _ in closing)
    last_rows = rows[-min(KEEP_ROWS, len(rows)) :]
    if HEADER + sum(h for h, _ in last_rows) + closing_height <= PAGE and front + 20 < PAGE:
        last = [p.index for p in pages[-1]]
        kinds = _kinds([front, 20.0], rows, closing)
        assert kinds[last[-1]] == "closing"
        assert sum(1 for i in last if kinds[i] == "row") >= len(last_rows)
        assert all(kinds[i] != "closing" for page in pages[:-1] for p in page for i in [p.index])
