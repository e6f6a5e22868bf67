"""The entry form's save policy: it reads, asks and saves through :mod:`ictdesk.core.edits`."""

from __future__ import annotations

from ictdesk.core.edits import (
    Cell,
    EditPlan,
    clipboard_block,
    made_of_sub_periods,
    plan_edits,
)
from ictdesk.core.numbers import Convention, format_number
from ictdesk.core.store import ValueWrite
from ictdesk.gui.changes import Changes
from ictdesk.gui.edit_session import EditSession
from ictdesk.gui.entry.fields import NumberField
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill


class SavePolicy:
    """Part of :class:`EntryForm`: saving what is typed or pasted (the form asks)."""

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
        if field.isReadOnly():  # a value made of the months, or a read-only file
            self._refuse_paste(field)
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
        locked = [target for target in targets if target.isReadOnly()]
        if locked:  # all or nothing: the column would run over a value made of months
            self._refuse_paste(locked[0])
            return
        for target, (cell,) in zip(targets, block, strict=True):
            target.setText(cell.strip())
        self._on_field_text_edited(field.text())
        self.commit_fields(targets, fill(self.tr("Paste %1 values"), str(len(targets))))
        targets[-1].setFocus()  # where Excel leaves the selection: the last cell pasted

    def _refuse_paste(self, field: NumberField) -> None:
        """Nothing pasted: ``field`` takes no typing (why, in the status bar)."""
        code = field.indicator.code
        if self._cover.may_type(code):
            reason = self.tr("this file is open read-only")
        else:
            made_from = self._cover.made_from[code]
            reason = made_of_sub_periods(self._period.iso, *made_from).message(current_language())
        name = field.indicator.name(current_language())
        self.save_failed.emit(fill(self.tr("Nothing was pasted: %1: %2"), name, reason))

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
            # Enter (the field still has the focus) asks again about a value the user chose
            # to correct; leaving the field does not.
            self.commit(field, ask_again=field.hasFocus())

    def commit(self, field: NumberField, ask_again: bool = True) -> bool:
        """Check and save one field's value if it changed; False if it was not saved.

        ``ask_again=False``: a value the user chose to correct is not asked about again
        until its text changes (leaving the field, leaving the unit)."""
        if self._store is None or not self._unit or not self._period or self._committing:
            return False
        if field.text() == field.saved_text:
            return True
        if field.text() == field.declined_text and not ask_again:
            return False  # the user chose to correct it: not asked again until it changes
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
            elif not plan.refused:  # the user chose to correct it: back to the field
                field.declined_text = field.text()
                self._return_to(field)
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
        ok = self.session.save(writes, description, source="form", initiator=self)
        if ok:
            self._stored = self._store.values_for(self._unit, self._period.iso)
            self._refresh_aggregates()
            for write in writes:
                self.value_saved.emit(write.unit_code, write.indicator_code, write.period)
        return ok

    def _on_bus_changed(self, changes: Changes, initiator: object) -> None:
        """Another widget, an undo or an import changed data: show it if it is ours."""
        if initiator is self or not self._period:
            return
        if changes.settings and not self.has_unsaved_text():
            self.reload()  # a threshold or a setting changes what the checks say
        elif changes.touches_itself(self._unit, self._period.iso):
            self.reload()
        elif changes.touches(self._unit, self._period.iso):
            self.show_sub_periods_anew()  # what its months make; typed text kept
        else:  # a sub-unit's value may have changed the sums (asked there: has it children)
            self.sums_when_seen()

    def set_session(self, session: EditSession) -> None:
        self.session = session
        session.bus.changed.connect(self._on_bus_changed)

    def may_leave(self) -> bool:
        """Save what is typed before the unit, period, tab or file changes; text that cannot
        be saved is discarded only if the user says so (False: keep editing, back on it)."""
        if self.commit_pending():
            return True
        unsaved = [f for f in self.fields.values() if f.text() != f.saved_text]
        if self.interaction.confirm_discard(self.unsaved_names()):
            for field in unsaved:
                field.setText(field.saved_text)
            self._refresh_all_rows()
            self.unsaved_changed.emit(False)
            return True
        if unsaved:
            self._return_to(unsaved[0])
        return False

    def _return_to(self, field: NumberField) -> None:
        """Put the user back on ``field`` with its text selected, shown in the scroll area."""
        self.scroll.ensureWidgetVisible(field)
        field.setFocus()
        field.selectAll()

    def commit_pending(self) -> bool:
        """Save every field whose text changed; False if one could not be saved (a value the
        user chose to correct is not asked about again)."""
        ok = True
        for field in self.fields.values():
            if field.text() != field.saved_text:
                ok = self.commit(field, ask_again=False) and ok
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
