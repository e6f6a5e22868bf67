"""The entry form: every indicator of one unit and period, grouped by pillar.

Each entered indicator shows its value, the previous period's value, the change, this year's
target and progress, and a status mark. A value is saved when its field is left or Enter is
pressed (Enter moves on); it is checked first, and a high-importance rule violation is only
saved when confirmed with a comment. Derived rates are read-only and follow the typing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.edits import (
    Cell,
    EditPlan,
    clipboard_block,
    plan_edits,
    read_cell,
    typed_values,
)
from ictdesk.core.errors import IctdeskError
from ictdesk.core.numbers import Convention, ParsedNumber, format_number, parse_number
from ictdesk.core.periods import Period
from ictdesk.core.store import StoredValue, ValueStore, ValueWrite
from ictdesk.core.validation import Violation
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.i18n import current_language
from ictdesk.gui.interaction import DialogInteraction, FormInteraction
from ictdesk.gui.text import fill

# column: (role, fixed width); the name column takes the rest, so every pillar lines up
_COLUMNS = {
    "value": (1, 104),
    "unit": (2, 70),
    "check": (3, 118),
    "previous": (4, 84),
    "change": (5, 106),
    "target": (6, 100),
    "aggregate": (7, 96),
}
_NAME_MIN_WIDTH = 190
_UNIT_MAX_WIDTH = 96
_STYLE = {
    "ok": "color: #2e7d32;",
    "info": "color: #555;",
    "warn": "color: #b36b00;",
    "error": "color: #c0392b; font-weight: bold;",
}
# The fixed looks of the form's labels, set once on the form body: one style sheet for the
# body instead of one per label (about 130 labels) saves a tenth of the window's start.
_BODY_STYLE = """
QLabel[role="aggregate"] { color: #1f5f99; }
QLabel[role="previous"] { color: #555; }
QLabel[role="derived"] { font-weight: bold; padding-right: 6px; }
QLabel[role="header"] { color: #555; font-size: 11px; }
"""
COMMENT_MARK = "✎"
FOLLOWUP_MARK = "⚑"


class NumberField(QLineEdit):
    """A line edit for one indicator; Enter commits and moves to the next field.

    Whatever is pasted into it (Ctrl+V, the context menu, a middle click, a drop) goes to the
    form as ``paste_requested``: cells copied from a spreadsheet are never run together.
    """

    context_menu_requested = Signal(object, object)  # field, QContextMenuEvent
    focused = Signal(str)  # indicator code
    paste_requested = Signal(object, str)  # field, the text pasted

    def __init__(self, indicator: Indicator, parent=None):
        super().__init__(parent)
        self.indicator = indicator
        self.saved_text = ""
        self.setObjectName(f"field_{indicator.code}")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedWidth(_COLUMNS["value"][1])

    def event(self, event) -> bool:
        # Ctrl+Z / Ctrl+Y undo typing in the field while there is typing to undo; otherwise
        # they go to the window and undo saved edits.
        nothing_to_undo = event.type() == QEvent.Type.ShortcutOverride and (
            (event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable())
            or (event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable())
        )
        if nothing_to_undo:
            event.ignore()
            return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste()
            return
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()

    def paste(self, mode: QClipboard.Mode = QClipboard.Mode.Clipboard) -> None:
        """Hand the clipboard's text to the form instead of inserting it as it is."""
        if not self.isReadOnly():
            self.paste_requested.emit(self, QGuiApplication.clipboard().text(mode))

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:  # X11's selection paste
            if QGuiApplication.clipboard().supportsSelection():
                self.paste(QClipboard.Mode.Selection)
            return
        super().mouseReleaseEvent(event)

    def dropEvent(self, event) -> None:
        if event.mimeData().hasText() and not self.isReadOnly():
            event.acceptProposedAction()
            self.paste_requested.emit(self, event.mimeData().text())
            return
        super().dropEvent(event)

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.focused.emit(self.indicator.code)

    def contextMenuEvent(self, event) -> None:
        self.context_menu_requested.emit(self, event)

    def parsed(self) -> ParsedNumber:
        """The field's text read as a number; raises :class:`InvalidNumber`."""
        return parse_number(self.text(), self.indicator.value_type, current_language())


class _Row:
    """The widgets of one indicator's row."""

    def __init__(self, indicator: Indicator, parent: QWidget):
        self.indicator = indicator
        self.name = QLabel(parent)
        self.name.setWordWrap(True)
        self.name.setMinimumWidth(_NAME_MIN_WIDTH)
        self.unit = QLabel(parent)
        self.unit.setWordWrap(True)
        self.check = QLabel(parent)
        self.check.setObjectName(f"check_{indicator.code}")
        self.previous = QLabel(parent)
        self.previous.setObjectName(f"previous_{indicator.code}")
        self.change = QLabel(parent)
        self.change.setObjectName(f"change_{indicator.code}")
        self.target = QLabel(parent)
        self.target.setObjectName(f"target_{indicator.code}")
        self.aggregate = QLabel(parent)
        self.aggregate.setObjectName(f"aggregate_{indicator.code}")
        for key, label in (
            ("unit", self.unit),
            ("check", self.check),
            ("previous", self.previous),
            ("change", self.change),
            ("target", self.target),
            ("aggregate", self.aggregate),
        ):
            label.setFixedWidth(_COLUMNS[key][1])
        for label in (self.previous, self.change, self.target, self.aggregate):
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.aggregate.setProperty("role", "aggregate")
        self.previous.setProperty("role", "previous")
        if indicator.is_derived:
            self.field = None
            self.value = QLabel("–", parent)
            self.value.setObjectName(f"derived_{indicator.code}")
            self.value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.value.setProperty("role", "derived")
            self.value.setFixedWidth(_COLUMNS["value"][1])
        else:
            self.field = NumberField(indicator, parent)
            self.value = self.field

    def place(self, grid: QGridLayout, row: int) -> None:
        grid.addWidget(self.name, row, 0)
        for key, widget in (
            ("value", self.value),
            ("unit", self.unit),
            ("check", self.check),
            ("previous", self.previous),
            ("change", self.change),
            ("target", self.target),
            ("aggregate", self.aggregate),
        ):
            grid.addWidget(widget, row, _COLUMNS[key][0])


class EntryForm(QWidget):
    """Entry of one unit and period. Emits ``value_saved(unit, indicator, period)``."""

    value_saved = Signal(str, str, str)
    save_failed = Signal(str)
    field_focused = Signal(str)
    completion_changed = Signal()
    unsaved_changed = Signal(bool)
    grid_requested = Signal()  # rows and blocks of cells belong in the grid

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("entryForm")
        self._store: ValueStore | None = None
        self._unit: str | None = None
        self._period: Period | None = None
        self._stored: dict[str, StoredValue] = {}
        self._previous: dict[str, float | None] = {}
        self._targets: dict[str, tuple[float, str]] = {}
        self._complete = False
        self._edit_of_complete_confirmed = False
        self._committing = False
        self.session: EditSession | None = None
        self._refreshing_from_session = False
        self.interaction: FormInteraction = DialogInteraction(self)
        self.rows: dict[str, _Row] = {}
        self.fields: dict[str, NumberField] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._headers: list[dict[str, QLabel]] = []
        self.title = QLabel(self)
        self.title.setObjectName("formTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px 0;")
        self.title.setWordWrap(True)
        self.complete_banner = QLabel(self)
        self.complete_banner.setObjectName("completeBanner")
        self.complete_banner.setStyleSheet(
            "background: #e8f5e9; color: #1b5e20; padding: 4px; border-radius: 3px;"
        )
        self.complete_button = QPushButton(self)
        self.complete_button.setObjectName("completeButton")
        self.complete_button.clicked.connect(self._on_complete_button_clicked)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.complete_button)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setStyleSheet(_BODY_STYLE)
        self.body_layout = QVBoxLayout(self.body)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.complete_banner)
        layout.addWidget(self.scroll)
        self.setEnabled(False)

    # ------------------------------------------------------------------ set-up
    @property
    def store(self) -> ValueStore | None:
        return self._store

    def set_store(self, store: ValueStore | None) -> None:
        self._store = store
        self._unit = None
        self._period = None
        self._build()
        read_only = bool(store and store.read_only)
        for field in self.fields.values():
            field.setReadOnly(read_only)
        self.complete_button.setDisabled(read_only)
        self.setEnabled(False)
        self.retranslate()

    def _build(self) -> None:
        for group in self._groups.values():
            group.deleteLater()
        self.rows.clear()
        self.fields.clear()
        self._groups.clear()
        self._headers.clear()
        while self.body_layout.count():
            self.body_layout.takeAt(0)
        if self._store is None:
            return
        catalogue = self._store.catalogue
        previous_field: NumberField | None = None
        for pillar in catalogue.pillars:
            indicators = sorted(catalogue.in_pillar(pillar.code), key=lambda i: i.is_derived)
            if not indicators:
                continue
            group = QGroupBox(self.body)
            group.setObjectName(f"pillar_{pillar.code}")
            grid = QGridLayout(group)
            grid.setColumnStretch(0, 1)
            headers = {}
            for key, (column, _width) in _COLUMNS.items():
                if key in ("value", "unit"):
                    continue
                label = QLabel(group)
                label.setWordWrap(True)
                label.setProperty("role", "header")
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
                grid.addWidget(label, 0, column)
                headers[key] = label
            self._headers.append(headers)
            for row_number, indicator in enumerate(indicators, start=1):
                row = _Row(indicator, group)
                row.place(grid, row_number)
                self.rows[indicator.code] = row
                if row.field is not None:
                    field = row.field
                    field.editingFinished.connect(self._on_field_editing_finished)
                    field.textEdited.connect(self._on_field_text_edited)
                    field.context_menu_requested.connect(self._on_field_context_menu_requested)
                    field.paste_requested.connect(self._on_field_paste_requested)
                    field.focused.connect(self.field_focused)
                    self.fields[indicator.code] = field
                    if previous_field is not None:
                        QWidget.setTabOrder(previous_field, field)
                    previous_field = field
            self._groups[pillar.code] = group
            self.body_layout.addWidget(group)
        self.body_layout.addStretch(1)

    def retranslate(self) -> None:
        language = current_language()
        if self._store is not None:
            catalogue = self._store.catalogue
            for code, row in self.rows.items():
                indicator = catalogue[code]
                row.name.setText(indicator.name(language))
                row.name.setToolTip(f"{code}\n{indicator.definition_vi}")
                row.unit.setText(indicator.unit(language))
            # The unit column as wide as its longest word in this language, up to a limit
            # past which units wrap ("thuê bao/100" over "dân"); the same in every pillar so
            # the columns line up.
            widest = max(
                (
                    row.unit.fontMetrics().horizontalAdvance(word)
                    for row in self.rows.values()
                    for word in [row.unit.text(), *row.unit.text().split()]
                ),
                default=0,
            )
            width = min(max(_COLUMNS["unit"][1], widest + 8), _UNIT_MAX_WIDTH)
            for row in self.rows.values():
                row.unit.setFixedWidth(width)
            for code, group in self._groups.items():
                group.setTitle(catalogue.pillar(code).name(language))
        titles = {
            "check": self.tr("Check"),
            "previous": self.tr("Previous period"),
            "change": self.tr("Change"),
            "target": self.tr("Target / progress"),
            "aggregate": self.tr("Sum of sub-units"),
        }
        for headers in self._headers:
            for key, label in headers.items():
                label.setText(titles[key])
        if self._unit and self._period and not self.has_unsaved_text():
            self.load(self._unit, self._period)  # numbers follow the language: 12.500 / 12,500
        else:
            self._refresh_header()

    def _refresh_header(self) -> None:
        if self._store is None:
            self.title.setText(self.tr("No database is open."))
        elif not self._unit or not self._period:
            self.title.setText(self.tr("Choose a unit in the tree to enter its values."))
        else:
            unit = self._store.unit(self._unit)
            self.title.setText(f"{unit.name} — {self._period.label(current_language())}")
        has_place = bool(self._store and self._unit and self._period)
        self.complete_button.setVisible(has_place)
        self.complete_button.setText(
            self.tr("Reopen this period") if self._complete else self.tr("Mark period complete")
        )
        self.complete_banner.setVisible(has_place and self._complete)
        self.complete_banner.setText(
            self.tr("This unit's period is marked complete; changes will ask for confirmation.")
        )

    # ----------------------------------------------------------------- loading
    @property
    def unit_code(self) -> str | None:
        return self._unit

    @property
    def period(self) -> Period | None:
        return self._period

    @property
    def is_complete(self) -> bool:
        return self._complete

    def load(self, unit_code: str | None, period: Period | None) -> None:
        """Show ``unit_code`` for ``period``, saving any edit in progress first."""
        if self._unit and self._period and (unit_code, period) != (self._unit, self._period):
            self.commit_pending()
        self._unit, self._period = unit_code, period
        self._edit_of_complete_confirmed = False
        store = self._store
        ready = bool(store and unit_code and period)
        self.setEnabled(ready)
        self._stored = store.values_for(unit_code, period.iso) if ready else {}
        previous = store.values_for(unit_code, period.previous().iso) if ready else {}
        self._previous = {code: v.value for code, v in previous.items()}
        if ready:
            self._previous.update(store.catalogue.derived_values(self._previous))
        self._targets = store.targets_for(unit_code, period.year) if ready else {}
        self._complete = store.is_complete(unit_code, period.iso) if ready else False
        language = current_language()
        for code, field in self.fields.items():
            stored = self._stored.get(code)
            value = stored.value if stored else None
            text = format_number(value, language=language) if value is not None else ""
            field.setText(text)
            field.saved_text = text
        self._refresh_header()
        self._refresh_all_rows()
        self._refresh_aggregates()
        self.unsaved_changed.emit(False)

    def reload(self) -> None:
        """Re-read the shown unit and period (after an undo, an import...)."""
        self.load(self._unit, self._period)

    def _refresh_aggregates(self) -> None:
        has_children = bool(self._store and self._unit and self._store.child_count(self._unit))
        for headers in self._headers:
            headers["aggregate"].setVisible(has_children)
        for row in self.rows.values():
            row.aggregate.setVisible(has_children)
        if not has_children:
            return
        values = self._store.aggregates(self._unit, self._period.iso)
        language = current_language()
        for code, row in self.rows.items():
            decimals = 1 if row.indicator.is_derived else None
            row.aggregate.setText(format_number(values.get(code), decimals, language))

    def _current_values(self) -> dict[str, float | None]:
        """The values the fields stand for; text that could not be saved counts as none."""
        texts = {code: field.text() for code, field in self.fields.items()}
        indicators = [field.indicator for field in self.fields.values()]
        return typed_values(indicators, texts, Convention(current_language()))

    def _refresh_all_rows(self) -> None:
        if self._store is None or not self._unit or not self._period:
            for row in self.rows.values():
                for label in (row.check, row.previous, row.change, row.target):
                    label.clear()
            return
        values = self._current_values()
        values.update(self._store.catalogue.derived_values(values))
        violations = self._store.check(self._unit, self._period.iso, values)
        by_code: dict[str, list[Violation]] = {}
        for violation in violations:
            for code in violation.indicators:
                by_code.setdefault(code, []).append(violation)
        for code, row in self.rows.items():
            self._refresh_row(row, values.get(code), by_code.get(code, []))

    def _refresh_row(self, row: _Row, value: float | None, violations: list[Violation]) -> None:
        language = current_language()
        code = row.indicator.code
        derived = row.indicator.is_derived
        decimals = 1 if derived else None
        if derived:
            row.value.setText(format_number(value, 1, language))
        previous = self._previous.get(code)
        row.previous.setText(format_number(previous, decimals, language))
        row.change.setText(self._change_text(value, previous, derived))
        target = self._targets.get(code)
        if target is None:
            row.target.setText("")
            row.target.setToolTip("")
        else:
            progress = value / target[0] * 100 if value is not None and target[0] else None
            text = format_number(target[0], decimals, language)
            if progress is not None:
                text += f" · {format_number(progress, 0, language)}%"
            row.target.setText(text)
            row.target.setStyleSheet(
                _STYLE["info"] if progress is None else _STYLE["ok" if progress >= 100 else "warn"]
            )
            row.target.setToolTip(
                fill(
                    self.tr("Target for %1: %2\nSource: %3"),
                    str(self._period.year),
                    format_number(target[0], decimals, language),
                    target[1] or "–",
                )
            )
        if row.field is not None:
            self._show_check(row, violations)
        elif violations:
            self._set_check(row, "⚠ " + self._short(violations[0]), "warn", violations)
        else:
            row.check.clear()

    def _explained(self, violation: Violation) -> bool:
        """A broken rule counts as explained once a saved value it involves has a comment."""
        for code in violation.indicators:
            field = self.fields.get(code)
            stored = self._stored.get(code)
            if field is not None and field.text() == field.saved_text and stored and stored.comment:
                return True
        return False

    def _short(self, violation: Violation) -> str:
        """A few words for the check column; the full message is in the tooltip."""
        return {
            "type": self.tr("not allowed"),
            "range": self.tr("out of range"),
            "rule": self.tr("breaks a rule"),
            "outlier": self.tr("large change"),
        }[violation.kind]

    def _change_text(self, value, previous, derived: bool) -> str:
        if value is None or previous is None:
            return ""
        language = current_language()
        delta = value - previous
        sign = "+" if delta > 0 else ""
        if derived:
            return f"{sign}{format_number(delta, 1, language)} " + self.tr("pts")
        text = f"{sign}{format_number(delta, language=language)}"
        if previous:
            text += f" ({sign}{format_number(delta / previous * 100, 1, language)}%)"
        return text

    def _marks(self, code: str) -> str:
        stored = self._stored.get(code)
        marks = ""
        if stored and stored.comment:
            marks += COMMENT_MARK
        if stored and stored.followup:
            marks += FOLLOWUP_MARK
        return marks

    def _set_check(self, row: _Row, text: str, style: str, violations=(), tips=()) -> None:
        language = current_language()
        marks = self._marks(row.indicator.code)
        row.check.setText(f"{text} {marks}".strip())
        row.check.setStyleSheet(_STYLE[style])
        tips = [*tips, *(v.message(language) for v in violations)]
        stored = self._stored.get(row.indicator.code)
        if stored and stored.comment:
            tips.append(fill(self.tr("Comment: %1"), stored.comment))
        if stored and stored.followup:
            tips.append(self.tr("Marked for follow-up"))
        row.check.setToolTip("\n".join(tips))
        if row.field is not None:
            row.field.setToolTip("\n".join(tips))

    def _show_check(self, row: _Row, violations: list[Violation]) -> None:
        """The status mark of an entered field: typing hint, error, warning or saved."""
        field = row.field
        language = current_language()
        parsed, refused = read_cell(field.indicator, field.text(), Convention(language))
        if refused is not None:
            short = {
                "whole": self.tr("Not a whole number"),  # "12,5" for a count
                "several": self.tr("Several values"),  # "12⏎14⏎9" pasted into one field
                "range": self.tr("out of range"),
            }.get(refused.kind, self.tr("Not a number"))
            self._set_check(row, "✖ " + short, "error", tips=[refused.message(language)])
            return
        blocking = [v for v in violations if v.blocking]
        warnings = [v for v in violations if not v.blocking]
        unsaved = field.text() != field.saved_text
        unexplained = [v for v in blocking if unsaved or not self._explained(v)]
        if unexplained:
            self._set_check(row, "✖ " + self._short(unexplained[0]), "error", violations)
        elif blocking:
            self._set_check(row, "⚠ " + self.tr("explained"), "warn", violations)
        elif warnings:
            self._set_check(row, "⚠ " + self._short(warnings[0]), "warn", violations)
        elif parsed.value is not None and parsed.ambiguous:
            first = format_number(parsed.value, language=language)
            second = format_number(parsed.alternative, language=language)
            self._set_check(
                row,
                fill(self.tr("%1 or %2?"), first, second),
                "warn",
                tips=[
                    fill(
                        self.tr("“%1” can be read two ways: %2 or %3. You will be asked which."),
                        field.text().strip(),
                        first,
                        second,
                    )
                ],
            )
        elif parsed.value is not None and unsaved:
            self._set_check(row, "= " + format_number(parsed.value, language=language), "info")
        elif parsed.value is not None:
            self._set_check(row, "✔", "ok")
        else:
            self._set_check(row, "", "info")

    # ------------------------------------------------------------------ saving
    def _on_field_text_edited(self, _text: str) -> None:
        self._refresh_all_rows()
        self.unsaved_changed.emit(self.has_unsaved_text())

    def _on_field_paste_requested(self, field: NumberField, text: str) -> None:
        """Cells pasted into one field: one cell goes in as typed; a column fills the fields
        down the form from this one and saves them as one step; a row or a block is for the
        grid, which the user is told (never one number made of several cells)."""
        block = clipboard_block(text)
        if not block:
            return
        if len(block) == 1 and len(block[0]) == 1:
            field.insert(block[0][0].strip())  # Excel's trailing line break is not typed
            self._on_field_text_edited(field.text())
            return
        if any(len(row) != 1 for row in block):
            if self.interaction.explain_block_paste(len(block), max(map(len, block))):
                self.grid_requested.emit()
            return
        fields = list(self.fields.values())
        start = fields.index(field)
        targets = fields[start : start + len(block)]
        if len(targets) < len(block):
            self.save_failed.emit(
                fill(
                    self.tr("Nothing was pasted: %1 values, but only %2 fields from here down."),
                    str(len(block)),
                    str(len(targets)),
                )
            )
            return
        for target, (cell,) in zip(targets, block, strict=True):
            target.setText(cell.strip())
        self._on_field_text_edited(field.text())
        self.commit_fields(targets, fill(self.tr("Paste %1 values"), str(len(targets))))
        targets[-1].setFocus()  # where Excel leaves the selection: the last cell pasted

    def commit_fields(self, fields: list[NumberField], description: str) -> bool:
        """Check and save several fields as one undoable step; False if they were not saved
        (their text stays, marked, for the user to correct)."""
        if self._store is None or not self._unit or not self._period or self._committing:
            return False
        self._committing = True
        try:
            cells = [Cell(self._unit, f.indicator.code, f.text()) for f in fields]
            plan = self._plan(cells)
            if not self._settle(plan) or not self._save(plan.writes(), description):
                return False
            language = current_language()
            for f in fields:
                value = plan.values[(self._unit, f.indicator.code)]
                f.setText("" if value is None else format_number(value, language=language))
                f.saved_text = f.text()
            return True
        finally:
            self._committing = False
            self._refresh_all_rows()
            self.unsaved_changed.emit(self.has_unsaved_text())

    def _on_field_editing_finished(self) -> None:
        field = self.sender()
        if isinstance(field, NumberField):
            self.commit(field)

    def commit(self, field: NumberField) -> bool:
        """Check and save one field's value if it changed; False if it was not saved."""
        if self._store is None or not self._unit or not self._period or self._committing:
            return False
        if field.text() == field.saved_text:
            return True
        self._committing = True
        try:
            return self._commit(field)
        finally:
            self._committing = False
            self._refresh_all_rows()
            self.unsaved_changed.emit(self.has_unsaved_text())

    def _commit(self, field: NumberField) -> bool:
        cell = Cell(self._unit, field.indicator.code, field.text())
        plan = self._plan([cell])
        if not self._settle(plan):
            if plan.complete and not self._edit_of_complete_confirmed:
                field.setText(field.saved_text)  # the user chose not to change the period
            return False
        name = field.indicator.name(current_language())
        if not self._save(plan.writes(), fill(self.tr("Edit %1"), name)):
            return False
        value = plan.values[cell.key]
        field.setText("" if value is None else format_number(value, language=current_language()))
        field.saved_text = field.text()  # shown as it will load again: 41000 is 41.000 at once
        return True

    def _plan(self, cells: list[Cell], chosen=None) -> EditPlan:
        """The edit policy's plan for ``cells`` of the shown unit-period (see core.edits)."""
        return plan_edits(
            self._store,
            self._period.iso,
            cells,
            Convention(current_language()),
            chosen=chosen,
            current={self._unit: self._current_values()},
        )

    def _settle(self, plan: EditPlan) -> bool:
        """The form's policy on a plan: it asks. Which reading of text that reads two ways,
        whether to change a period marked complete, why a value breaking a rule is right;
        it refuses what can never be saved. False (and the reason said) if not to save."""
        language = current_language()
        if plan.refused:
            self.save_failed.emit(
                fill(self.tr("The value was not saved: %1"), plan.refused[0].message(language))
            )
            return False
        if plan.ambiguous:
            chosen = {}
            for cell, parsed in plan.ambiguous:
                indicator = self._store.catalogue[cell.indicator_code]
                value = self.interaction.resolve_ambiguous(indicator, cell.text, parsed)
                if value is None:
                    return False
                chosen[cell.key] = value
            replanned = self._plan(plan.cells, chosen)
            plan.__dict__.update(replanned.__dict__)  # the caller's plan is the settled one
            return self._settle(plan)
        if plan.complete and not self._edit_of_complete_confirmed:
            if not self.interaction.confirm_edit_of_complete(self.title.text()):
                return False
            self._edit_of_complete_confirmed = True
        for cell, violations in plan.unexplained:
            indicator = self._store.catalogue[cell.indicator_code]
            value = plan.values[cell.key]
            comment = self.interaction.explain_violations(indicator, value, violations)
            if comment is None:
                self.save_failed.emit(
                    fill(self.tr("The value was not saved: %1"), violations[0].message(language))
                )
                return False
            plan.explain(cell, comment)
        return True

    def _save(self, writes: list[ValueWrite], description: str) -> bool:
        """Save through the edit session (undoable, audited); False if it failed."""
        if self.session is None:
            return False
        self._refreshing_from_session = True
        try:
            ok = self.session.save(writes, description, source="form")
        finally:
            self._refreshing_from_session = False
        if ok:
            self._stored = self._store.values_for(self._unit, self._period.iso)
            self._refresh_aggregates()
            for write in writes:
                self.value_saved.emit(write.unit_code, write.indicator_code, write.period)
        return ok

    def _on_session_values_changed(self, places: set[tuple[str, str]]) -> None:
        """Another widget, or an undo/redo, changed values: show them if they are ours."""
        if self._refreshing_from_session or not self._period:
            return
        if (self._unit, self._period.iso) in places:
            self.reload()
        elif self._store and self._unit and self._store.child_count(self._unit):
            self._refresh_aggregates()
        for unit, period in places:
            self.value_saved.emit(unit, "", period)

    def set_session(self, session: EditSession) -> None:
        self.session = session
        session.values_changed.connect(self._on_session_values_changed)

    def commit_pending(self) -> bool:
        """Save every field whose text changed; False if one could not be saved."""
        ok = True
        for field in self.fields.values():
            if field.text() != field.saved_text:
                ok = self.commit(field) and ok
        return ok

    def unsaved_names(self) -> list[str]:
        """Names of the indicators whose typed text is not saved."""
        language = current_language()
        return [
            f"{f.indicator.name(language)}: {f.text()}"
            for f in self.fields.values()
            if f.text() != f.saved_text
        ]

    def has_unsaved_text(self) -> bool:
        return any(f.text() != f.saved_text for f in self.fields.values())

    def filled_count(self) -> tuple[int, int]:
        """(indicators with a value, entered indicators) for the current unit and period."""
        total = len(self.fields)
        if self._store is None or not self._unit or not self._period:
            return 0, total
        return self._store.filled_count(self._unit, self._period.iso), total

    # ------------------------------------------------- comments, follow-up, completion
    def edit_comment(self, code: str) -> bool:
        """Ask for this value's comment and save it (an undoable, audited change)."""
        if not self._unit or not self._period:
            return False
        stored = self._stored.get(code)
        comment = self.interaction.ask_comment(
            self._store.catalogue[code], stored.comment if stored else ""
        )
        if comment is None:
            return False
        value = stored.value if stored else None
        write = ValueWrite(self._unit, code, self._period.iso, value, comment)
        ok = self._save([write], fill(self.tr("Comment on %1"), code))
        self._refresh_all_rows()
        return ok

    def toggle_followup(self, code: str) -> bool:
        """Flip the follow-up flag of a stored value; False if there is no stored value."""
        stored = self._stored.get(code)
        if stored is None or not self._unit or not self._period:
            return False
        try:
            self._store.set_followup(self._unit, code, self._period.iso, not stored.followup)
        except IctdeskError as exc:
            self.save_failed.emit(str(exc))
            return False
        self._stored = self._store.values_for(self._unit, self._period.iso)
        self._refresh_all_rows()
        return True

    def set_complete(self, complete: bool) -> None:
        if not self._unit or not self._period:
            return
        self.commit_pending()
        try:
            self._store.set_complete(self._unit, self._period.iso, complete)
        except IctdeskError as exc:
            self.save_failed.emit(str(exc))
            return
        self._complete = complete
        self._edit_of_complete_confirmed = False
        self._refresh_header()
        self.completion_changed.emit()

    def _on_complete_button_clicked(self) -> None:
        self.set_complete(not self._complete)

    def _on_field_context_menu_requested(self, field: NumberField, event) -> None:
        menu = field.createStandardContextMenu()
        for action in menu.actions():  # Qt's own Paste would insert the cells run together
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(lambda _checked=False, f=field: f.paste())
        menu.addSeparator()
        code = field.indicator.code
        comment = menu.addAction(self.tr("Comment…"))
        comment.triggered.connect(lambda: self.edit_comment(code))
        followup = menu.addAction(self.tr("Mark for follow-up"))
        followup.setCheckable(True)
        stored = self._stored.get(code)
        followup.setChecked(bool(stored and stored.followup))
        followup.setEnabled(stored is not None)
        followup.triggered.connect(lambda: self.toggle_followup(code))
        menu.exec(event.globalPos())
        menu.deleteLater()
