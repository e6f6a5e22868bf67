"""Where a printed sheet's pages break, from the heights of its parts (no Qt: measured in gui).

A sheet is a list of blocks: the front (agency and motto, title, the unit sheet's chart), the
table's rows, and the closing (notes, signatures with "Nơi nhận:"). The rules of an official
document:

- a block is never split: a table row is one block, the signature block is one block;
- the column header is drawn again above the first row of every page;
- the closing is kept on one page with at least the table's last rows, so the signatures
  never stand alone or on a page of their own; rows move to the next page instead;
- a pillar's heading row stays with its first indicator, the title with the first rows.
"""

from __future__ import annotations

from dataclasses import dataclass

_EPSILON = 1e-6
KEEP_ROWS = 2  # table rows kept on the signatures' page


SHOULD, MUST = 1, 2  # how strongly a block keeps to the one before it


@dataclass(frozen=True)
class Block:
    """One unbreakable part of a page. ``keep``: 0 if a page may end just before it,
    :data:`SHOULD` (the first rows under the title, a row under its heading) or :data:`MUST`
    (the signatures and the rows kept with them) if it stays with the block before."""

    height: float
    row: bool = False
    keep: int = 0


@dataclass(frozen=True)
class Placed:
    """A block on a page: ``top`` below the page body's top; ``header``: the column header is
    drawn just above it."""

    index: int
    top: float
    header: bool = False


def paginate(blocks: list[Block], page_height: float, header_height: float) -> list[list[Placed]]:
    """The pages, each a list of placed blocks, never empty.

    A page ends where the next block does not fit; if that block keeps to the one before,
    the page ends before the chain of blocks it belongs to instead, where the keep is the
    weakest (a title gives up its second row before the signatures give up theirs). A
    chain taller than a page is cut where it overflows.
    """
    pages: list[list[Placed]] = []
    page: list[Placed] = []
    y = 0.0
    index = 0
    while index < len(blocks):
        block = blocks[index]
        header = block.row and (not page or not blocks[page[-1].index].row)
        need = block.height + (header_height if header else 0.0)
        if not page or y + need <= page_height + _EPSILON:
            page.append(Placed(index, y + (header_height if header else 0.0), header))
            y += need
            index += 1
            continue
        cuts = [(blocks[page[k].index].keep, k) for k in range(1, len(page))]
        cuts.append((block.keep, len(page)))
        weakest = min(keep for keep, _ in cuts)
        cut = max(k for keep, k in cuts if keep == weakest)
        if cut < len(page):
            index = page[cut].index
        pages.append(page[:cut])
        page, y = [], 0.0
    if page:
        pages.append(page)
    return pages


def sheet_blocks(
    front: list[float],
    rows: list[tuple[float, bool]],
    closing: list[tuple[float, bool]],
    page_height: float,
    header_height: float,
) -> list[Block]:
    """The blocks of a sheet with the keep-together rules set.

    ``rows`` are (height, is a heading row); ``closing`` are (height, glued): a glued block
    always stays with the one before it (a note with the notes' heading, the signatures with
    the last note), even when the whole closing is too tall to share a page with rows.
    """
    blocks = [Block(h, keep=MUST if index else 0) for index, h in enumerate(front)]
    first_row = len(blocks)
    for number, (height, _) in enumerate(rows):
        after_heading = number > 0 and rows[number - 1][1]
        under_title = number < KEEP_ROWS and bool(front)
        blocks.append(Block(height, row=True, keep=SHOULD if after_heading or under_title else 0))
    closing_height = sum(h for h, _ in closing)
    kept = 0
    for keep in range(min(KEEP_ROWS, len(rows)), 0, -1):
        last = [h for h, _ in rows[-keep:]]
        if header_height + sum(last) + closing_height <= page_height + _EPSILON:
            kept = keep
            break
    if kept:
        for offset in range(len(rows) - kept + 1, len(rows)):
            row = blocks[first_row + offset]
            blocks[first_row + offset] = Block(row.height, row=True, keep=MUST)
        blocks += [Block(h, keep=MUST) for h, _ in closing]
        return blocks
    # Too tall to keep whole (a sheet with many notes): the closing's parts break apart, but
    # the first stays with the last row and each glued part with the one before it.
    for number, (height, glued) in enumerate(closing):
        blocks.append(Block(height, keep=MUST if glued or number == 0 else 0))
    return blocks
