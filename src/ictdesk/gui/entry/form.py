"""The entry form: every indicator of one unit and period, grouped by pillar.

Each entered indicator shows its value, the previous period's value, the change, this year's
target and progress, and a status mark. A value is saved when its field is left or Enter is
pressed (Enter moves on); it is checked first, and a high-importance rule violation is only
saved when confirmed with a comment. Derived rates are read-only and follow the typing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.edits import (
    typed_values,
)
from ictdesk.core.numbers import Convention, format_number
from ictdesk.core.periods import Period
from ictdesk.core.store import PeriodCover, StoredValue, ValueStore, ValueWrite
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.entry.fields import _COLUMNS, _UNIT_MAX_WIDTH, NumberField, _Row
from ictdesk.gui.entry.looks import set_look
from ictdesk.gui.entry.rows import RowRendering
from ictdesk.gui.entry.saving import SavePolicy
from ictdesk.gui.entry.sums import SubUnitSums
from ictdesk.gui.i18n import current_language
from ictdesk.gui.interaction import Interaction
from ictdesk.gui.interaction import current as current_interaction
from ictdesk.gui.text import fill


class EntryForm(RowRendering, SavePolicy, SubUnitSums, QWidget):
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
        self._cover = PeriodCover()  # the values made of the unit's months or quarters
        self._complete = False
        self._edit_of_complete_confirmed = False
        self._committing = False
        self.session: EditSession | None = None
        self._interaction: Interaction | None = None
        self.rows: dict[str, _Row] = {}
        self.fields: dict[str, NumberField] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._headers: list[dict[str, QLabel]] = []
        self._aggregate_column_shown: bool | None = None
        self._sums_wait_for_paint = False  # see sums_after_first_paint
        self._sums_waiting = False
        self._sums_stale = False  # data changed while another tab was shown; see showEvent
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

    @property
    def interaction(self) -> Interaction:
        """Who answers the form's questions: the installed one, unless set for this form."""
        return self._interaction or current_interaction()

    @interaction.setter
    def interaction(self, interaction: Interaction | None) -> None:
        self._interaction = interaction

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
        self._aggregate_column_shown = None
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
                set_look(label, "header")
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
                    field.focus_moved.connect(self._on_field_focus_moved)
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
        self._cover = store.coverage(period.iso, [unit_code])[unit_code] if ready else PeriodCover()
        if ready:  # the previous quarter of monthly returns: made of its months too
            before = period.previous().iso
            stored = {code: v.value for code, v in store.values_for(unit_code, before).items()}
            self._previous = store.coverage(before, [unit_code])[unit_code].shown(stored)
            self._previous.update(store.catalogue.derived_values(self._previous))
        else:
            self._previous = {}
        self._targets = store.targets_for(unit_code, period.year) if ready else {}
        self._complete = store.is_complete(unit_code, period.iso) if ready else False
        language = current_language()
        for code, field in self.fields.items():
            stored = self._stored.get(code)
            value = stored.value if stored else None
            text = format_number(value, language=language) if value is not None else ""
            field.setText(text)
            field.saved_text = text
            self._show_made_of(field, self._cover.made_of.get(code), language)
        self._refresh_header()
        self._refresh_all_rows()
        self.sums_when_seen()
        self.unsaved_changed.emit(False)

    def show_sub_periods_anew(self) -> None:
        """A month (quarter) of the shown period changed elsewhere: the values made of them
        are shown anew, and text being typed is kept (a reload would drop it)."""
        if not self.has_unsaved_text():
            self.reload()
            return
        self._cover = self._store.coverage(self._period.iso, [self._unit])[self._unit]
        language = current_language()
        for code, field in self.fields.items():
            self._show_made_of(field, self._cover.made_of.get(code), language)
        self._refresh_all_rows()
        self.sums_when_seen()

    def _show_made_of(self, field: NumberField, made: float | None, language: str) -> None:
        """A value made of the unit's months or quarters is shown in its field, greyed, and
        not typed (``core.edits`` refuses it: stored, it would hide the months)."""
        field.setPlaceholderText("" if made is None else format_number(made, language=language))
        field.setReadOnly(made is not None or self._store.read_only)

    def reload(self) -> None:
        """Re-read the shown unit and period (after an undo, an import...)."""
        self.load(self._unit, self._period)

    def _current_values(self) -> dict[str, float | None]:
        """The values the fields stand for; text that could not be saved counts as none."""
        texts = {code: field.text() for code, field in self.fields.items()}
        indicators = [field.indicator for field in self.fields.values()]
        return typed_values(indicators, texts, Convention(current_language()))

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
        flag = not stored.followup
        name = self._store.catalogue[code].name(current_language())
        description = fill(
            self.tr("Mark %1 for follow-up") if flag else self.tr("Unmark %1 for follow-up"), name
        )
        if not self.session.set_followup(
            self._unit, code, self._period.iso, flag, description, initiator=self
        ):
            return False
        self._stored = self._store.values_for(self._unit, self._period.iso)
        self._refresh_all_rows()
        return True

    def set_complete(self, complete: bool) -> None:
        if not self._unit or not self._period:
            return
        if not self.may_leave():
            return
        if not self.session.set_complete(self._unit, self._period.iso, complete, initiator=self):
            return
        self._complete = complete
        self._edit_of_complete_confirmed = False
        self._refresh_header()
        self.completion_changed.emit()

    def _on_field_focus_moved(self, field: NumberField, step: int) -> None:
        """↑ and ↓ go to the field above or below, as in a spreadsheet's column."""
        fields = list(self.fields.values())
        target = fields.index(field) + step
        if 0 <= target < len(fields):
            fields[target].setFocus()
            fields[target].selectAll()
            self.scroll.ensureWidgetVisible(fields[target])

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
