"""The user manual (F1): local HTML shipped with the program, shown in a window of its own.

A QTextBrowser, not the system browser: it works offline, on a locked-down clinic workstation without a
default browser, and under Xvfb; it follows the window's language; and the manual's keyboard table is
made here from `shortcuts.TABLE`, the table the window's actions are checked against, so the manual
cannot drift from the keys. The pictures are the ones `make screenshots` makes (docs/screenshots, or
`resources/manual/images` in an installed copy); when they are not there the manual says so in words
where each picture would be, and everything else reads the same."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from .. import i18n
from . import shortcuts
from .language import translate
from .naming import named

MANUAL_DIR = Path(__file__).resolve().parents[1] / "resources" / "manual"
# Where the pictures are looked for: the installed copy's, then a source checkout's docs/screenshots.
PICTURE_DIRS = (MANUAL_DIR / "images", Path(__file__).resolve().parents[3] / "docs" / "screenshots")
KEYBOARD_MARK = "<!-- keyboard table -->"
_IMG = re.compile(r'<img\s+src="([^"]+)"\s+alt="([^"]*)"\s*/?>')
# The section F1 opens on each page (its anchor in the manual).
SECTIONS = {
    "SignInPage": "start",
    "PatientListPage": "find",
    "PatientPage": "visit",
    "WizardPage": "visit",
    "CohortPage": "cohort",
}


def manual_file(language: str | None = None) -> Path:
    """The manual in the window's language, else the English one."""
    language = language or i18n.language()
    chosen = MANUAL_DIR / f"manual.{language}.html"
    return chosen if chosen.exists() else MANUAL_DIR / "manual.en.html"


def picture(name: str) -> Path | None:
    for folder in PICTURE_DIRS:
        if (folder / name).is_file():
            return folder / name
    return None


def keyboard_table() -> str:
    """The keyboard table, from shortcuts.TABLE in the window's language."""
    head = (
        translate("Manual", "Where"),
        translate("Manual", "Keys"),
        translate("Manual", "What it does"),
    )
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in (where, f"{keys}", what)) + "</tr>"
        for where, keys, what in shortcuts.table_rows()
    )
    header = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    return f'<table class="keys" border="1" cellspacing="0" cellpadding="4"><tr>{header}</tr>{rows}</table>'


def manual_html(language: str | None = None, picture_width: int = 640) -> str:
    """The manual's HTML as shown: the keyboard table filled in, each picture found (shown `picture_width`
    pixels wide) or described in words."""
    text = manual_file(language).read_text(encoding="utf-8")
    text = text.replace(KEYBOARD_MARK, keyboard_table())

    def image(match: re.Match[str]) -> str:
        found = picture(match.group(1))
        alt = match.group(2)
        if found is not None:
            return f'<img src="{QUrl.fromLocalFile(str(found)).toString()}" alt="{alt}" width="{picture_width}">'
        missing = translate("Manual", "[Picture: {alt}. Run `make screenshots` to make the manual's pictures.]")
        return f'<p class="no-picture"><i>{html.escape(missing.format(alt=alt))}</i></p>'

    return _IMG.sub(image, text)


class ManualWindow(QWidget):
    """The manual in a window beside the main one (not modal: the user reads and works). Esc closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(translate("Manual", "CGA Desk — User manual"))
        named(self, "manual")
        self.browser = QTextBrowser(self)
        named(self.browser, "manual.text", translate("Manual", "User manual"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.hint = QLabel(translate("Manual", "Esc closes the manual; F1 opens it again where you are."), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.hint)
        shortcuts.action(self, translate("Manual", "Close the manual"), shortcuts.CLOSE_WINDOW, self.close)
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(900, room.width() - 40) if room else 900, min(700, room.height() - 80) if room else 700)
        self.load()

    def load(self) -> None:
        # the window less its margins, the scroll bar and a list's indent: no sideways scrolling at 1280x720
        self.browser.setHtml(manual_html(picture_width=max(320, self.width() - 140)))

    def open_at(self, section: str = "") -> None:
        """Shown, raised and focused at `section` (an anchor of the manual), or at the top."""
        if self.isVisible():
            self.raise_()  # open behind the main window: brought to the front
        self.show()
        self.activateWindow()
        if section:
            self.browser.scrollToAnchor(section)
        else:
            self.browser.verticalScrollBar().setValue(0)
        self.browser.setFocus()
