"""How the entry form asks the user things: an interface, and its dialog implementation.

The form never opens a dialog itself; it asks its ``interaction`` (git-cola style), so the
same workflow can be driven by tests or a future headless front end.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.numbers import ParsedNumber, format_number
from ictdesk.core.validation import Violation
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill


class FormInteraction:
    """Questions the entry form may need answered. Subclasses decide how to ask."""

    def explain_violations(
        self, indicator: Indicator, value: float | None, violations: list[Violation]
    ) -> str | None:
        """A comment explaining why a value breaking a rule is right, or None to not save."""
        raise NotImplementedError

    def confirm_edit_of_complete(self, place: str) -> bool:
        """Whether to change a value of a unit-period already marked complete."""
        raise NotImplementedError

    def resolve_ambiguous(
        self, indicator: Indicator, text: str, parsed: ParsedNumber
    ) -> float | None:
        """Which reading of ``12.345`` was meant: the decimal or the thousands; None to cancel."""
        raise NotImplementedError

    def ask_comment(self, indicator: Indicator, current: str) -> str | None:
        """The new comment for a value, or None if cancelled."""
        raise NotImplementedError

    def confirm_discard(self, names: list[str]) -> bool:
        """Whether to close although the typed values of ``names`` cannot be saved."""
        raise NotImplementedError

    def explain_block_paste(self, rows: int, columns: int) -> bool:
        """Say that a row or block of cells cannot go into one field; True to open the grid."""
        raise NotImplementedError


class ViolationDialog(QDialog):
    """Lists the broken rules and asks for an explanation before saving anyway."""

    def __init__(self, indicator: Indicator, value, violations: list[Violation], parent=None):
        super().__init__(parent)
        self.setObjectName("violationDialog")
        language = current_language()
        self.setWindowTitle(self.tr("The value breaks a rule"))
        intro = QLabel(
            fill(
                self.tr("%1 = %2 breaks these rules:"),
                indicator.name(language),
                format_number(value, language=language),
            ),
            self,
        )
        intro.setWordWrap(True)
        problems = QLabel("\n".join(f"• {v.message(language)}" for v in violations), self)
        problems.setWordWrap(True)
        problems.setStyleSheet("color: #c0392b;")
        explain = QLabel(
            self.tr("Correct the value, or explain why it is right to save it anyway:"), self
        )
        explain.setWordWrap(True)
        self.comment = QPlainTextEdit(self)
        self.comment.setObjectName("violationComment")
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("Save with this explanation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("saveAnywayButton")
        self.buttons.addButton(self.tr("Correct the value"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setEnabled(False)
        self.comment.textChanged.connect(self._on_comment_text_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, problems, explain, self.comment, self.buttons):
            layout.addWidget(widget)
        self.resize(480, 300)

    def _on_comment_text_changed(self) -> None:
        self.save_button.setEnabled(bool(self.comment.toPlainText().strip()))


class DialogInteraction(FormInteraction, QObject):
    """Asks with modal dialogs over ``parent``."""

    def __init__(self, parent: QWidget):
        QObject.__init__(self, parent)
        self._parent = parent

    def explain_violations(self, indicator, value, violations):
        dialog = ViolationDialog(indicator, value, violations, self._parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.comment.toPlainText().strip() or None

    def confirm_edit_of_complete(self, place: str) -> bool:
        answer = QMessageBox.question(
            self._parent,
            self.tr("Period marked complete"),
            fill(self.tr("%1 is marked complete. Change its values anyway?"), place),
        )
        return answer == QMessageBox.StandardButton.Yes

    def resolve_ambiguous(self, indicator, text, parsed):
        language = current_language()
        decimal = format_number(parsed.value, language=language)
        thousands = format_number(parsed.alternative, language=language)
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Which number did you mean?"))
        box.setText(fill(self.tr("“%1” can be read two ways. Which did you mean?"), text))
        as_decimal = box.addButton(decimal, QMessageBox.ButtonRole.AcceptRole)
        as_thousands = box.addButton(thousands, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is as_decimal:
            return parsed.value
        if box.clickedButton() is as_thousands:
            return parsed.alternative
        return None

    def ask_comment(self, indicator, current):
        text, ok = QInputDialog.getMultiLineText(
            self._parent,
            self.tr("Comment"),
            indicator.name(current_language()),
            current or "",
        )
        return text.strip() if ok else None

    def confirm_discard(self, names):
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Values not saved"))
        box.setText(self.tr("These values are not valid and were not saved:"))
        box.setInformativeText("\n".join(names))
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Discard

    def explain_block_paste(self, rows, columns):
        box = QMessageBox(self._parent)
        box.setObjectName("blockPaste")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Nothing was pasted"))
        if rows == 1:
            text = fill(self.tr("You pasted a row of %1 cells into one field."), str(columns))
        else:
            text = fill(
                self.tr("You pasted a block of %1 rows × %2 columns into one field."),
                str(rows),
                str(columns),
            )
        box.setText(text)
        box.setInformativeText(
            self.tr(
                "A field takes one value. Copy one column of values to fill the fields down"
                " the form, or paste rows and blocks in the Grid tab, where each cell has its"
                " place."
            )
        )
        grid = box.addButton(self.tr("Open the grid"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        return box.clickedButton() is grid
