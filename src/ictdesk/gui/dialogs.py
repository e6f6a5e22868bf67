"""The dialogs behind :class:`~ictdesk.gui.interaction.Interaction`: how the window asks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ictdesk.core.catalogue import Indicator
from ictdesk.core.numbers import format_number
from ictdesk.core.validation import Violation
from ictdesk.gui.history_panel import local_time
from ictdesk.gui.i18n import current_language
from ictdesk.gui.interaction import Interaction
from ictdesk.gui.text import fill


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
        self.comment.setTabChangesFocus(True)  # Tab leaves the box, as in every other field
        self.comment.installEventFilter(self)
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

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        """Ctrl+Enter in the explanation saves (Enter alone starts a new line)."""
        if (
            watched is self.comment
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.save_button.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def _on_comment_text_changed(self) -> None:
        self.save_button.setEnabled(bool(self.comment.toPlainText().strip()))


class DialogInteraction(Interaction, QObject):
    """Asks with modal dialogs over ``parent``."""

    def __init__(self, parent: QWidget | None):
        QObject.__init__(self, parent)
        self._parent = parent
        self.dialogs = True  # a newer window's dialogs take over (see install_default)

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
        box.setObjectName("confirmDiscard")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Values not saved"))
        box.setText(self.tr("These values are not valid and were not saved:"))
        box.setInformativeText("\n".join(names))
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        discard = box.addButton(
            self.tr("Discard these values"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is discard

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

    def show_paste_problems(self, count, lines):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Nothing was pasted"),
            fill(
                self.tr(
                    "%1 cells cannot be saved, so nothing was written. Fix them and paste again."
                ),
                count,
            ),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("pasteProblems")
        box.setDetailedText("\n".join(lines))
        box.setInformativeText("\n".join(lines[:6]))
        box.open()

    # ---------------------------------------------------------------- the window
    def ask_open_read_only(self, path, holder):
        box = QMessageBox(self._parent)
        box.setObjectName("databaseInUse")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The database is in use"))
        since = local_time(holder["since"]) if holder.get("since") else ""
        who = holder.get("user") or ""
        host = holder.get("host") or ""
        if who and host and since:
            text = fill(
                self.tr("%1 is open in ictdesk by %2 on %3 since %4."), path.name, who, host, since
            )
        else:
            text = fill(self.tr("%1 is open in another ictdesk."), path.name)
        box.setText(text)
        box.setInformativeText(
            self.tr("Only one person can change it at a time. You can open it read-only.")
        )
        read_only = box.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is read_only

    def show_open_error(self, path, text, details, restorable):
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Cannot open database"),
            text,
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("openError")
        box.setInformativeText(str(path))
        box.setDetailedText(details)
        from_backup = None
        if restorable:
            from_backup = box.addButton(
                self.tr("Restore a backup…"), QMessageBox.ButtonRole.ActionRole
            )
        box.exec()
        return from_backup is not None and box.clickedButton() is from_backup

    def warn_network(self, path):
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Database on a network share"),
            fill(
                self.tr(
                    "%1 is on a network drive. ictdesk works on it safely but more slowly; a"
                    " working copy on this computer's own disk is safer and faster."
                ),
                path,
            ),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("networkWarning")
        box.open()

    def ask_sheet_kind(self, unit_name, children):
        box = QMessageBox(self._parent)
        box.setObjectName("sheetKind")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Which summary sheet?"))
        box.setText(fill(self.tr("%1 has %2 units under it."), unit_name, children))
        rollup = box.addButton(
            self.tr("Roll-up: a row per unit under it"), QMessageBox.ButtonRole.AcceptRole
        )
        own = box.addButton(self.tr("Its own indicators"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(rollup)
        box.exec()
        if box.clickedButton() is rollup:
            return "rollup"
        if box.clickedButton() is own:
            return "unit"
        return None

    def show_failure(self, title, text, details=""):
        box = QMessageBox(
            QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, self._parent
        )
        box.setObjectName("failure")
        if details:
            box.setDetailedText(details)
        box.exec()

    def warn(self, title, text):
        QMessageBox.warning(self._parent, title, text)

    def inform(self, title, text):
        QMessageBox.about(self._parent, title, text)

    def choose_open_file(self, title, folder, filters):
        name, _ = QFileDialog.getOpenFileName(self._parent, title, str(folder), filters)
        return Path(name) if name else None

    def choose_save_file(self, title, suggested, filters):
        name, _ = QFileDialog.getSaveFileName(self._parent, title, str(suggested), filters)
        return Path(name) if name else None

    def ask_number(self, title, label, value, low, high, step=1):
        number, ok = QInputDialog.getInt(self._parent, title, label, value, low, high, step)
        return number if ok else None
