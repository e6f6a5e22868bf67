"""How the entry form shows each row: the check, the previous period, change and target."""

from __future__ import annotations

from ictdesk.core.edits import made_of_sub_periods, read_cell
from ictdesk.core.numbers import Convention, format_number
from ictdesk.core.validation import Violation
from ictdesk.gui.entry.fields import _Row
from ictdesk.gui.entry.looks import set_look
from ictdesk.gui.format import value_marks
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill


class RowRendering:
    """Part of :class:`EntryForm`: the columns beside each field."""

    def _refresh_all_rows(self) -> None:
        if self._store is None or not self._unit or not self._period:
            for row in self.rows.values():
                for label in (row.check, row.previous, row.change, row.target):
                    label.clear()
            return
        typed = self._current_values()
        checked = self._cover.checked(typed)  # whole values made of the months included
        checked.update(self._store.catalogue.derived_values(checked))
        violations = self._store.check(self._unit, self._period.iso, checked)
        values = self._cover.shown(typed)  # shown: the months' values, whole or not
        values.update(self._store.catalogue.derived_values(values))
        by_code: dict[str, list[Violation]] = {}
        for violation in violations:
            for code in violation.indicators:
                by_code.setdefault(code, []).append(violation)
        for code, row in self.rows.items():
            self._refresh_row(row, values.get(code), by_code.get(code, []), checked.get(code))

    def _refresh_row(
        self, row: _Row, value: float | None, violations: list[Violation], whole: float | None
    ) -> None:
        """One row: ``value`` as shown, ``whole`` the same when whole (a quarter with two of
        its months in shows their sum, but no change against the quarter before)."""
        language = current_language()
        code = row.indicator.code
        derived = row.indicator.is_derived
        decimals = 1 if derived else None
        if derived:
            row.value.setText(format_number(value, 1, language))
        previous = self._previous.get(code)
        row.previous.setText(format_number(previous, decimals, language))
        row.change.setText(self._change_text(whole, previous, derived))
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
            set_look(
                row.target, "info" if progress is None else "ok" if progress >= 100 else "warn"
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
            row.tips = []

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
        return value_marks(bool(stored and stored.comment), bool(stored and stored.followup))

    def _set_check(self, row: _Row, text: str, style: str, violations=(), tips=()) -> None:
        language = current_language()
        marks = self._marks(row.indicator.code)
        row.check.setText(f"{text} {marks}".strip())
        set_look(row.check, style)
        tips = [*tips, *(v.message(language) for v in violations)]
        stored = self._stored.get(row.indicator.code)
        if stored and stored.comment:
            tips.append(fill(self.tr("Comment: %1"), stored.comment))
        if stored and stored.followup:
            tips.append(self.tr("Marked for follow-up"))
        row.tips = tips
        row.check.setToolTip("\n".join(tips))
        if row.field is not None:
            row.field.setToolTip("\n".join(tips))

    def problems_of(self, code: str) -> list[str]:
        """What the check column says of ``code`` in full (its tooltip's lines)."""
        row = self.rows.get(code)
        return list(getattr(row, "tips", [])) if row else []

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
        elif not self._cover.may_type(field.indicator.code):
            made_from = self._cover.made_from[field.indicator.code]
            tip = made_of_sub_periods(self._period.iso, *made_from).message(language)
            self._set_check(row, self.tr("from months or quarters"), "info", tips=[tip])
        else:
            self._set_check(row, "", "info")
