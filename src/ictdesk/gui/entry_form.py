"""The entry form: every entered indicator of one unit and period, grouped by pillar.

A value is saved when its field is left or Enter is pressed (Enter moves on). Derived rates
are shown read-only and recomputed as you type.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.errors import IctdeskError, InvalidNumber
from ictdesk.core.numbers import ParsedNumber, ValueType, format_number, parse_number
from ictdesk.core.periods import Period
from ictdesk.core.store import ValueStore
from ictdesk.gui.i18n import current_language

_COLUMN_WIDTHS = {1: 130, 2: 120, 3: 170, 4: 120}  # fixed, so every pillar lines up
_HINT_OK = "color: #555;"
_HINT_WARN = "color: #b36b00;"
_HINT_ERROR = "color: #c0392b; font-weight: bold;"


class NumberField(QLineEdit):
    """A line edit for one indicator; Enter commits and moves to the next field."""

    def __init__(self, indicator: Indicator, parent=None):
        super().__init__(parent)
        self.indicator = indicator
        self.saved_text = ""
        self.setObjectName(f"field_{indicator.code}")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setFixedWidth(_COLUMN_WIDTHS[1])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()

    def parsed(self) -> ParsedNumber:
        """The field's text read as a number; raises :class:`InvalidNumber`."""
        return parse_number(self.text(), self.indicator.value_type, current_language())


class EntryForm(QWidget):
    """Entry of one unit and period. Emits ``value_saved(unit, indicator, period)``."""

    value_saved = Signal(str, str, str)
    save_failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("entryForm")
        self._store: ValueStore | None = None
        self._unit: str | None = None
        self._period: Period | None = None
        self.fields: dict[str, NumberField] = {}
        self.hints: dict[str, QLabel] = {}
        self.derived_labels: dict[str, QLabel] = {}
        self.aggregate_labels: dict[str, QLabel] = {}
        self._name_labels: dict[str, QLabel] = {}
        self._unit_labels: dict[str, QLabel] = {}
        self._groups: dict[str, QGroupBox] = {}
        self._aggregate_headers: list[QLabel] = []
        self.title = QLabel(self)
        self.title.setObjectName("formTitle")
        self.title.setStyleSheet("font-size: 15px; font-weight: bold; padding: 4px 0;")
        self.title.setWordWrap(True)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll.setWidget(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll)
        self.setEnabled(False)

    # ------------------------------------------------------------------ set-up
    def set_store(self, store: ValueStore | None) -> None:
        self._store = store
        self._unit = None
        self._period = None
        self._build()
        self.setEnabled(False)
        self.retranslate()

    def _build(self) -> None:
        for group in self._groups.values():
            group.deleteLater()
        for mapping in (
            self.fields,
            self.hints,
            self.derived_labels,
            self.aggregate_labels,
            self._name_labels,
            self._unit_labels,
            self._groups,
        ):
            mapping.clear()
        self._aggregate_headers.clear()
        while self.body_layout.count():
            self.body_layout.takeAt(0)
        if self._store is None:
            return
        catalogue = self._store.catalogue
        previous: NumberField | None = None
        for pillar in catalogue.pillars:
            indicators = catalogue.in_pillar(pillar.code)
            if not indicators:
                continue
            group = QGroupBox(self.body)
            group.setObjectName(f"pillar_{pillar.code}")
            grid = QGridLayout(group)
            grid.setColumnStretch(0, 1)
            for column, width in _COLUMN_WIDTHS.items():
                grid.setColumnMinimumWidth(column, width)
            header = QLabel(group)
            header.setStyleSheet("color: #555;")
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(header, 0, 4)
            self._aggregate_headers.append(header)
            for row, ind in enumerate(sorted(indicators, key=lambda i: i.is_derived), start=1):
                name = QLabel(group)
                name.setWordWrap(True)
                name.setToolTip(f"{ind.code}\n{ind.definition_vi}")
                self._name_labels[ind.code] = name
                unit = QLabel(group)
                unit.setFixedWidth(_COLUMN_WIDTHS[2])
                self._unit_labels[ind.code] = unit
                grid.addWidget(name, row, 0)
                if ind.is_derived:
                    value = QLabel("–", group)
                    value.setObjectName(f"derived_{ind.code}")
                    value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    value.setStyleSheet("font-weight: bold; padding-right: 6px;")
                    value.setFixedWidth(_COLUMN_WIDTHS[1])
                    self.derived_labels[ind.code] = value
                    grid.addWidget(value, row, 1)
                else:
                    field = NumberField(ind, group)
                    field.editingFinished.connect(self._on_field_editing_finished)
                    field.textEdited.connect(self._on_field_text_edited)
                    self.fields[ind.code] = field
                    hint = QLabel(group)
                    hint.setObjectName(f"hint_{ind.code}")
                    hint.setFixedWidth(_COLUMN_WIDTHS[3])
                    self.hints[ind.code] = hint
                    grid.addWidget(field, row, 1)
                    grid.addWidget(hint, row, 3)
                    if previous is not None:
                        QWidget.setTabOrder(previous, field)
                    previous = field
                grid.addWidget(unit, row, 2)
                aggregate = QLabel(group)
                aggregate.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                aggregate.setStyleSheet("color: #1f5f99;")
                aggregate.setObjectName(f"aggregate_{ind.code}")
                aggregate.setFixedWidth(_COLUMN_WIDTHS[4])
                self.aggregate_labels[ind.code] = aggregate
                grid.addWidget(aggregate, row, 4)
            self._groups[pillar.code] = group
            self.body_layout.addWidget(group)
        self.body_layout.addStretch(1)

    def retranslate(self) -> None:
        language = current_language()
        if self._store is not None:
            catalogue = self._store.catalogue
            for code, label in self._name_labels.items():
                label.setText(catalogue[code].name(language))
            for code, label in self._unit_labels.items():
                label.setText(catalogue[code].unit(language))
            for code, group in self._groups.items():
                group.setTitle(catalogue.pillar(code).name(language))
        for header in self._aggregate_headers:
            header.setText(self.tr("Sum of sub-units"))
        self._refresh_title()
        if self._unit and self._period and not self.has_unsaved_text():
            self.load(self._unit, self._period)  # numbers follow the language: 12.500 / 12,500

    def _refresh_title(self) -> None:
        if self._store is None:
            self.title.setText(self.tr("No database is open."))
        elif not self._unit or not self._period:
            self.title.setText(self.tr("Choose a unit in the tree to enter its values."))
        else:
            unit = self._store.unit(self._unit)
            self.title.setText(f"{unit.name} — {self._period.label(current_language())}")

    # ----------------------------------------------------------------- loading
    @property
    def unit_code(self) -> str | None:
        return self._unit

    @property
    def period(self) -> Period | None:
        return self._period

    def load(self, unit_code: str | None, period: Period | None) -> None:
        """Show the values of ``unit_code`` for ``period``, saving any edit in progress first."""
        self.commit_pending()
        self._unit, self._period = unit_code, period
        self.setEnabled(bool(self._store and unit_code and period))
        stored = (
            self._store.values_for(unit_code, period.iso)
            if self._store and unit_code and period
            else {}
        )
        language = current_language()
        for code, field in self.fields.items():
            value = stored.get(code)
            text = (
                format_number(value.value, language=language)
                if value and value.value is not None
                else ""
            )
            field.setText(text)
            field.saved_text = text
            field.setToolTip(value.comment or "" if value else "")
            self._show_hint(code, "", _HINT_OK)
        self._refresh_title()
        self._refresh_derived()
        self._refresh_aggregates()

    def _refresh_aggregates(self) -> None:
        has_children = bool(self._store and self._unit and self._store.child_count(self._unit))
        for header in self._aggregate_headers:
            header.setVisible(has_children)
        if not has_children:
            for label in self.aggregate_labels.values():
                label.clear()
            return
        values = self._store.aggregates(self._unit, self._period.iso)
        language = current_language()
        for code, label in self.aggregate_labels.items():
            decimals = 1 if self._store.catalogue[code].is_derived else None
            label.setText(format_number(values.get(code), decimals, language))

    def _current_values(self) -> dict[str, float | None]:
        values = {}
        for code, field in self.fields.items():
            try:
                values[code] = field.parsed().value
            except InvalidNumber:
                values[code] = None
        return values

    def _refresh_derived(self) -> None:
        if self._store is None:
            return
        derived = self._store.catalogue.derived_values(self._current_values())
        language = current_language()
        for code, label in self.derived_labels.items():
            label.setText(format_number(derived.get(code), 1, language))

    # ------------------------------------------------------------------ saving
    def _show_hint(self, code: str, text: str, style: str) -> None:
        hint = self.hints[code]
        hint.setText(text)
        hint.setStyleSheet(style)

    def _on_field_text_edited(self, _text: str) -> None:
        field = self.sender()
        if isinstance(field, NumberField):
            self._update_hint(field)
        self._refresh_derived()

    def _update_hint(self, field: NumberField) -> ParsedNumber | None:
        """Show the parsed value back next to the field; return it, or None if invalid."""
        code = field.indicator.code
        language = current_language()
        try:
            parsed = field.parsed()
        except InvalidNumber:
            if field.indicator.value_type is ValueType.INTEGER:
                self._show_hint(code, self.tr("Not a whole number"), _HINT_ERROR)
            else:
                self._show_hint(code, self.tr("Not a number"), _HINT_ERROR)
            return None
        if parsed.value is None:
            self._show_hint(code, "", _HINT_OK)
        elif parsed.ambiguous:
            self._show_hint(
                code,
                self.tr("read as %1 (type %2 for the thousands)")
                .replace("%1", format_number(parsed.value, language=language))
                .replace("%2", str(parsed.alternative)),
                _HINT_WARN,
            )
        else:
            self._show_hint(code, "= " + format_number(parsed.value, language=language), _HINT_OK)
        return parsed

    def _on_field_editing_finished(self) -> None:
        field = self.sender()
        if isinstance(field, NumberField):
            self.commit(field)

    def commit(self, field: NumberField) -> bool:
        """Save one field's value if it changed; False if it could not be saved."""
        if self._store is None or not self._unit or not self._period:
            return False
        if field.text() == field.saved_text:
            return True
        parsed = self._update_hint(field)
        if parsed is None:
            self.save_failed.emit(self.tr("The value was not saved: it is not a valid number."))
            return False
        code = field.indicator.code
        try:
            self._store.save_value(self._unit, code, self._period.iso, parsed.value, source="form")
        except IctdeskError as exc:
            self._show_hint(code, self.tr("Not saved"), _HINT_ERROR)
            self.save_failed.emit(self.tr("The value was not saved: %1").replace("%1", str(exc)))
            return False
        field.saved_text = field.text()
        self._show_hint(
            code,
            ("= " + format_number(parsed.value, language=current_language()))
            if parsed.value is not None
            else "",
            _HINT_WARN if parsed.ambiguous else _HINT_OK,
        )
        self._refresh_aggregates()
        self.value_saved.emit(self._unit, code, self._period.iso)
        return True

    def commit_pending(self) -> bool:
        """Save the field being edited, if any; False if its text could not be saved."""
        ok = True
        for field in self.fields.values():
            if field.text() != field.saved_text:
                ok = self.commit(field) and ok
        return ok

    def has_unsaved_text(self) -> bool:
        return any(f.text() != f.saved_text for f in self.fields.values())

    def filled_count(self) -> tuple[int, int]:
        """(indicators with a value, entered indicators) for the current unit and period."""
        total = len(self.fields)
        if self._store is None or not self._unit or not self._period:
            return 0, total
        return self._store.filled_count(self._unit, self._period.iso), total
