"""The document's frame around the table, sized as Nghị định 30/2020/NĐ-CP, Phụ lục I says.

Each part measures itself for a text width (``height``) and paints itself at a point; the
sizes are in points, the spaces in millimetres.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainter

from ictdesk.core.report_frame import SheetHeader, Signer
from ictdesk.gui.printing.text import Units

# Phụ lục I: agency lines 12–13 (issuing agency bold), number 13, motto 12–13 bold capitals
# over 13–14 bold, place and date 13–14 italic, title 13–14 bold capitals, the summary 14
# bold, body 13–14, signer's title and name 13–14 bold, "Nơi nhận:" 12 bold italic, its
# entries 11, page numbers 13–14.
AGENCY, NUMBER, NATION, MOTTO, PLACE_DATE = 12, 13, 12, 13, 14
TITLE, SUBTITLE, BODY, SIGNER, RECIPIENTS_TITLE, RECIPIENT = 14, 14, 13, 13, 12, 11
PAGE_NUMBER = 13
RULE = 0.6  # points: a rule that prints as a thin solid line
SIGN_SPACE = 30  # mm between the signer's title and name (≥ 25 to sign and stamp)


def _rule(painter: QPainter, units: Units, left: float, y: float, width: float) -> None:
    painter.setPen(units.pen(RULE))
    painter.drawLine(QPointF(left, y), QPointF(left + width, y))


class FrontPart:
    """Agency (left) and motto (right), with "Số: …/BC-…" and the place and date under them."""

    def __init__(self, header: SheetHeader, units: Units, width: float):
        self.header, self.units = header, units
        self.left_width = width * 0.42
        self.right_width = width - self.left_width
        self.parent_face = units.face(AGENCY)
        self.agency_face = units.face(AGENCY, bold=True)
        self.number_face = units.face(NUMBER)
        self.nation_face = units.face(NATION, bold=True)
        self.motto_face = units.face(MOTTO, bold=True)
        self.date_face = units.face(PLACE_DATE, italic=True)
        text_width = self.left_width - units.mm(4)
        self.parent = self.parent_face.wrap(header.parent_agency, text_width)
        self.parent = [line for line in self.parent if line]
        self.agency = self.agency_face.wrap(header.agency, text_width)
        self.nation = self.nation_face.wrap(header.nation, self.right_width)
        self.motto = self.motto_face.wrap(header.motto, self.right_width)
        self.place_date = self.date_face.wrap(header.place_date, self.right_width - units.mm(2))
        gap = units.mm(1.2)
        left_rule = self.parent_face.height(self.parent) + self.agency_face.height(self.agency)
        right_rule = self.nation_face.height(self.nation) + self.motto_face.height(self.motto)
        self.rule_y = (left_rule + gap, right_rule + gap)
        self.number_top = max(self.rule_y) + units.mm(3.5)
        self.baseline = self.number_top + max(self.number_face.ascent, self.date_face.ascent)
        self.height = max(
            self.baseline - self.number_face.ascent + self.number_face.line,
            self.baseline - self.date_face.ascent + self.date_face.height(self.place_date),
        )

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        units, lw, rw = self.units, self.left_width, self.right_width
        y = self.parent_face.draw(painter, self.parent, left, top, lw, "center")
        self.agency_face.draw(painter, self.agency, left, y, lw, "center")
        widest = max((self.agency_face.width(line) for line in self.agency), default=0.0)
        rule = widest * 0.4  # a third to a half of the agency's line, centred under it
        _rule(painter, units, left + (lw - rule) / 2, top + self.rule_y[0], rule)
        right = left + lw
        y = self.nation_face.draw(painter, self.nation, right, top, rw, "center")
        self.motto_face.draw(painter, self.motto, right, y, rw, "center")
        motto = max(self.motto_face.width(line) for line in self.motto)  # as wide as the line
        _rule(painter, units, right + (rw - motto) / 2, top + self.rule_y[1], motto)
        number_top = top + self.baseline - self.number_face.ascent
        self.number_face.draw(painter, [self.header.number], left, number_top, lw, "center")
        date_top = top + self.baseline - self.date_face.ascent
        self.date_face.draw(painter, self.place_date, right, date_top, rw, "center")


class TitlePart:
    """The title in bold capitals, the summary line in bold, a short rule under it."""

    def __init__(self, header: SheetHeader, units: Units, width: float):
        self.units, self.width = units, width
        self.title_face = units.face(TITLE, bold=True)
        self.subtitle_face = units.face(SUBTITLE, bold=True)
        self.title = self.title_face.wrap(header.title, width * 0.9)
        self.subtitle = self.subtitle_face.wrap(header.subtitle, width * 0.9)
        self.space_above, self.space_below = units.mm(7), units.mm(5)
        self.rule_gap = units.mm(1.5)
        self.height = (
            self.space_above
            + self.title_face.height(self.title)
            + self.subtitle_face.height(self.subtitle)
            + self.rule_gap
            + self.space_below
        )

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        y = top + self.space_above
        y = self.title_face.draw(painter, self.title, left, y, self.width, "center")
        y = self.subtitle_face.draw(painter, self.subtitle, left, y, self.width, "center")
        widest = max(self.subtitle_face.width(line) for line in self.subtitle)
        rule = widest / 3
        _rule(painter, self.units, left + (self.width - rule) / 2, y + self.rule_gap, rule)


class ParagraphPart:
    """A heading ("Ghi chú:") or one note after a dash, its lines hanging under the first."""

    def __init__(self, text: str, units: Units, width: float, heading=False, space_above=0.0):
        self.face = units.face(BODY, bold=heading, italic=heading)
        self.dash = "" if heading else "- "
        self.indent = self.face.width(self.dash)
        self.lines = self.face.wrap(text, width - self.indent)
        self.space_above = units.mm(space_above)
        self.height = self.space_above + self.face.height(self.lines) + units.mm(0.6)
        self.width = width

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        y = top + self.space_above
        if self.dash:
            self.face.draw(painter, [self.dash.strip()], left, y, self.indent, "left")
        self.face.draw(painter, self.lines, left + self.indent, y, self.width, "left")


class _SignerColumn:
    def __init__(self, signer: Signer, units: Units, width: float):
        self.title_face = units.face(SIGNER, bold=True)
        self.hint_face = units.face(SIGNER, italic=True)
        self.name_face = units.face(SIGNER, bold=True)
        self.titles = [w for t in signer.titles for w in self.title_face.wrap(t, width)]
        self.hint = self.hint_face.wrap(signer.hint, width)
        self.name = self.name_face.wrap(signer.name, width) if signer.name else []
        self.sign_space = units.mm(SIGN_SPACE)
        self.width = width
        self.height = (
            self.title_face.height(self.titles)
            + self.hint_face.height(self.hint)
            + self.sign_space
            + self.name_face.line * max(1, len(self.name))
        )

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        y = self.title_face.draw(painter, self.titles, left, top, self.width, "center")
        y = self.hint_face.draw(painter, self.hint, left, y, self.width, "center")
        self.name_face.draw(painter, self.name, left, y + self.sign_space, self.width, "center")


class _Recipients:
    def __init__(self, header: SheetHeader, units: Units, width: float):
        self.title_face = units.face(RECIPIENTS_TITLE, bold=True, italic=True)
        self.entry_face = units.face(RECIPIENT)
        self.entries = [w for e in header.recipients for w in self.entry_face.wrap(e, width)]
        self.title = [header.recipients_title] if self.entries else []
        self.width = width
        self.height = self.title_face.height(self.title) + self.entry_face.height(self.entries)

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        y = self.title_face.draw(painter, self.title, left, top, self.width, "left")
        self.entry_face.draw(painter, self.entries, left, y, self.width, "left")


class SignaturePart:
    """The signers side by side (the head of unit on the right) and "Nơi nhận:" bottom left,
    beside a lone signer as the decree shows, else under the signatures."""

    def __init__(self, header: SheetHeader, units: Units, width: float):
        half = width / 2
        self.columns = [_SignerColumn(s, units, half - units.mm(4)) for s in header.signers]
        self.recipients = _Recipients(header, units, half - units.mm(2))
        self.half, self.space_above = half, units.mm(6)
        signed = max((c.height for c in self.columns), default=0.0)
        self.beside = len(self.columns) < 2
        if self.beside:
            self.recipients_top = self.space_above + units.pt(SIGNER) * 0.35
            self.height = self.space_above + max(signed, self.recipients.height)
        else:
            self.recipients_top = self.space_above + signed + units.mm(4)
            self.height = self.recipients_top + self.recipients.height
        self.height += units.mm(1)

    def paint(self, painter: QPainter, left: float, top: float) -> None:
        starts = [left + self.half] if self.beside else [left, left + self.half]
        for column, start in zip(self.columns, starts, strict=False):
            column.paint(painter, start + (self.half - column.width) / 2, top + self.space_above)
        self.recipients.paint(painter, left, top + self.recipients_top)
