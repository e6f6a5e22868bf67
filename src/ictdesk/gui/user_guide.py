"""Help > User guide: the guide shipped in ``docs/``, shown inside the application."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from ictdesk.core.resources import docs_dir
from ictdesk.gui.i18n import current_language

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
        self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 760)

    def _on_browser_anchor_clicked(self, url) -> None:
        name = url.fileName()
        if name in GUIDES.values():  # the other language's guide
            self.browser.setMarkdown((docs_dir() / name).read_text(encoding="utf-8"))
