"""Help > User guide: the guide shipped in ``docs/``, shown inside the application."""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ictdesk.core.resources import docs_dir
from ictdesk.gui.i18n import current_language
from ictdesk.gui.screen import fit_to_screen

GUIDES = {"vi": "huong-dan-su-dung.md", "en": "user-guide.md"}


class UserGuideDialog(QDialog):
    """The user guide in the interface language, with its screenshots."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide"))
        folder = docs_dir()
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(folder)])
        path = folder / GUIDES.get(current_language(), GUIDES["vi"])
        self._show(path.read_text(encoding="utf-8"))
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 760)  # the frame fits the screen

    def _on_browser_anchor_clicked(self, url) -> None:
        name = url.fileName()
        if name in GUIDES.values():  # the other language's guide
            self._show((docs_dir() / name).read_text(encoding="utf-8"))

    def _show(self, markdown: str) -> None:
        self.browser.setMarkdown(markdown)
        self._fit_images()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_images)  # once the layout has sized the browser

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_images)

    def _fit_images(self) -> None:
        """Screenshots no wider than the page (they are 1280 px: the guide scrolled sideways);
        a width alone keeps each image's proportions."""
        document = self.browser.document()
        room = max(200, self.browser.viewport().width() - 40)
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                image = fragment.charFormat().toImageFormat()
                if fragment.isValid() and image.isValid():
                    picture = document.resource(
                        QTextDocument.ResourceType.ImageResource, QUrl(image.name())
                    )
                    natural = picture.width() if picture is not None else room
                    image.setWidth(min(natural, room))
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(image)
                fragments += 1
            block = block.next()
