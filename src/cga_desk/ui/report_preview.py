"""Print preview of a report (pages rendered with PDFium), printing through the system dialog, and
"save as PDF". Printing and saving are audited (a report carries patient data out of the program)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import CgaDeskError
from . import shortcuts
from .errors import show_error
from .language import translate
from .naming import named
from .screen_fit import fit_resize
from .window_state import save_file_name

PREVIEW_DPI = 96
PRINT_DPI_CAP = 300


def render_pages(pdf: bytes, dpi: float) -> list[QImage]:
    """Every page of the PDF as an RGBA image at `dpi`."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBA8888)
            images.append(image.copy())  # own the pixels before PDFium frees the bitmap
            page.close()
    finally:
        document.close()
    return images


def save_pdf(pdf: bytes, target: Path) -> None:
    """Written to a temporary file beside the target, then renamed: never a half-written PDF."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(pdf)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def print_pdf(pdf: bytes, printer: QPrinter) -> None:
    dpi = min(printer.resolution(), PRINT_DPI_CAP)
    painter = QPainter()
    if not painter.begin(printer):
        raise CgaDeskError(translate("report_preview", "The printer could not be started. Nothing was printed."))
    try:
        for number, image in enumerate(render_pages(pdf, dpi)):
            if number:
                printer.newPage()
            page = painter.viewport()
            size = image.size().scaled(page.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                page.x(),
                page.y(),
                image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation),
            )
    finally:
        painter.end()


class ReportPreview(QDialog):
    def __init__(
        self,
        title: str,
        pdf: bytes,
        suggested_name: str,
        audit: Callable[[str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ReportPreview", "Print preview — {title}").format(title=title))
        self.pdf, self.suggested_name, self.audit = pdf, suggested_name, audit
        pages = QWidget(self)
        column = QVBoxLayout(pages)
        self.page_labels: list[QLabel] = []
        for number, image in enumerate(render_pages(pdf, PREVIEW_DPI), start=1):
            label = QLabel(pages)
            label.setPixmap(QPixmap.fromImage(image))
            named(
                label,
                f"preview.page.{number}",
                translate("ReportPreview", "Page {number} of the report").format(number=number),
            )
            column.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        scroll = QScrollArea(self)
        scroll.setWidget(pages)
        named(scroll, "preview.pages", translate("ReportPreview", "Pages of the report"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        # The keys are the dialog's actions (it is a window of its own); the buttons name them in tooltips.
        self.print_action = shortcuts.action(
            self, translate("ReportPreview", "Print…"), shortcuts.PRINT, self._on_print_clicked
        )
        self.save_action = shortcuts.action(
            self, translate("ReportPreview", "Save as PDF…"), shortcuts.SAVE_PDF, self._on_save_clicked
        )
        self.print_button = QPushButton(translate("ReportPreview", "Print…"), self)
        named(self.print_button, "preview.print")
        shortcuts.bind_button(self.print_button, self.print_action)
        self.save_button = QPushButton(translate("ReportPreview", "Save as PDF…"), self)
        named(self.save_button, "preview.save")
        shortcuts.bind_button(self.save_button, self.save_action)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        widest = max((label.pixmap().width() for label in self.page_labels), default=800)
        # a whole page across (landscape reports included) and as tall as the screen allows: Print and Save stay on it
        fit_resize(self, min(widest + 60, 1500), 1000)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate("ReportPreview", "{title} · {len} page(s)").format(title=title, len=len(self.page_labels)),
                self,
            )
        )
        layout.addWidget(scroll)
        layout.addWidget(buttons)

    def _on_print_clicked(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        try:  # recorded first: a disclosure the audit trail cannot record does not happen
            self.audit("printed", printer.printerName() or printer.outputFileName() or "printer")
            print_pdf(self.pdf, printer)
        except CgaDeskError as error:
            show_error(self, error)

    def _on_save_clicked(self) -> None:
        name, _ = save_file_name(
            self,
            "report",
            translate("ReportPreview", "Save the report as PDF"),
            self.suggested_name,
            translate("ReportPreview", "PDF (*.pdf)"),
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, target: Path) -> bool:
        try:  # recorded first: a disclosure the audit trail cannot record does not happen
            self.audit("saved", str(target.resolve()))
        except CgaDeskError as error:
            show_error(self, error)
            return False
        try:
            save_pdf(self.pdf, target)
        except OSError as error:
            show_error(
                self,
                CgaDeskError(
                    translate(
                        "ReportPreview", "The PDF could not be written to {target}: {value}. Nothing was saved."
                    ).format(target=target, value=error.strerror or error)
                ),
            )
            return False
        return True
