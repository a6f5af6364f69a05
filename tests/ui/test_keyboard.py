"""Issue 18 items 6 and 7 with real key events: the tabs of a page by Ctrl+1…9 and Ctrl+Tab, Tab through
every control, the focus frame, confirmations on the page, F1 (the manual), Ctrl+F and Ctrl+P."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QScrollBar, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from cga_desk.forms import charlson, katz, lawton
from cga_desk.services.clinic import Clinic
from cga_desk.ui import style
from cga_desk.ui.main_window import MainWindow
from cga_desk.ui.manual import ManualWindow
from cga_desk.ui.report_preview import ReportPreview
from tests.ui.conftest import sign_in_as

CTRL = Qt.KeyboardModifier.ControlModifier


def _complete(clinic: Clinic, study_id: str, day: date, timepoint: str) -> int:
    v = clinic.start_visit(study_id, day, timepoint, "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", ["diabetes_uncomplicated"])
    clinic.complete_visit(v.id)
    return v.id


def _window(qtbot: QtBot, clinic: Clinic) -> MainWindow:
    """The window shown and active (shortcuts work in the active window only; offscreen, on request)."""
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the keyboard is: on the focused widget (else the active window)."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def test_ctrl_digits_and_ctrl_tab_choose_the_tabs_of_the_patient_page(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    _complete(clinic, patient, date(2026, 3, 10), "Baseline")
    window = _window(qtbot, clinic)
    window.show_patient(patient)
    tabs = window.patient.tabs
    assert tabs.currentIndex() == 0
    _press(qtbot, Qt.Key.Key_2, CTRL)  # from the focused "start the next visit" button
    assert tabs.currentIndex() == 1 and window.patient.trends is not None  # the trends tab, built and shown
    qtbot.waitUntil(window.patient.trends.isVisible)  # a widget added to a shown layout appears next turn
    assert QApplication.focusWidget() is tabs.tabBar()  # the keyboard is on the tab just chosen
    _press(qtbot, Qt.Key.Key_1, CTRL)
    assert tabs.currentIndex() == 0
    _press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert tabs.currentIndex() == 1
    _press(qtbot, Qt.Key.Key_Tab, CTRL)  # round
    assert tabs.currentIndex() == 0
    _press(qtbot, Qt.Key.Key_Backtab, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Ctrl+Shift+Tab
    assert tabs.currentIndex() == 1
    _press(qtbot, Qt.Key.Key_9, CTRL)  # no ninth tab: nothing changes
    assert tabs.currentIndex() == 1
    window.show_list()
    _press(qtbot, Qt.Key.Key_2, CTRL)  # a page without tabs: nothing happens, the search keeps the keyboard
    assert window.stack.currentWidget() is window.patients and QApplication.focusWidget() is window.patients.search


def _focusable(page: QWidget) -> set[QWidget]:
    """The controls a keyboard user must reach on `page`: shown, enabled, taking focus by Tab; a scroll
    area's own viewport and scroll bars are reached through the area."""
    out = set()
    for w in page.findChildren(QWidget):
        if not (w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if w.focusProxy() is not None:  # a tab widget is reached through its tab bar
            continue
        if isinstance(w, QScrollBar) or isinstance(w.parentWidget(), QAbstractScrollArea) and w is not None:
            parent = w.parentWidget()
            if isinstance(parent, QAbstractScrollArea) and w is parent.viewport() or isinstance(w, QScrollBar):
                continue
        out.add(w)
    return out


def _tab_round(qtbot: QtBot, start: QWidget, presses: int = 60) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(presses):
        _press(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_reaches_every_control_of_each_page_and_the_trends_tab(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    _complete(clinic, patient, date(2026, 3, 10), "Baseline")
    sign_in_as(clinic, "bea")  # the physician: every button of the patient page is shown
    window = _window(qtbot, clinic)
    window.show_list()
    for show in (window.show_list, lambda: window.show_patient(patient), window.show_cohort):
        show()
        page = window.stack.currentWidget()
        seen = _tab_round(qtbot, QApplication.focusWidget() or page)
        missing = {f"{type(w).__name__} {w.objectName()}" for w in _focusable(page) - set(seen)}
        assert missing == set(), type(page).__name__
    window.show_patient(patient)
    seen = _tab_round(qtbot, window.patient.primary)
    assert window.patient.tabs.tabBar() in seen and window.patient.table in seen  # Tab leaves the visits table
    window.patient.tabs.tabBar().setFocus()
    _press(qtbot, Qt.Key.Key_Right)  # on the tab bar: the next tab
    assert window.patient.tabs.currentIndex() == 1
    trends = window.patient.trends
    assert trends is not None
    seen = _tab_round(qtbot, window.patient.tabs.tabBar())
    missing = {f"{type(w).__name__} {w.objectName()}" for w in _focusable(trends) - set(seen)}
    assert missing == set()


def _has_colour(image: QImage, colour: QColor) -> bool:
    target = colour.rgb() & 0xFFFFFF
    return any(image.pixel(x, y) & 0xFFFFFF == target for y in range(image.height()) for x in range(0, image.width()))


def test_the_focus_frame_is_not_the_default_buttons_look(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    window = _window(qtbot, clinic)
    window.show_patient(patient)
    default = window.patient.primary
    assert default.isDefault()
    frame = style.focus_colour()
    other = window.patient.other
    other.setFocus()
    qtbot.waitUntil(lambda: other.hasFocus())
    assert not _has_colour(default.grab().toImage(), frame)  # the default button, without the focus: no frame
    assert _has_colour(other.grab().toImage(), frame)  # the focused button wears the frame
    default.setFocus()
    qtbot.waitUntil(lambda: default.hasFocus())
    assert _has_colour(default.grab().toImage(), frame)  # and so does the default one when it has the focus
    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    assert style.contrast(frame, highlight) >= 1.5 and frame.name() != highlight.name()


def test_the_focus_frame_reaches_3_to_1_in_light_and_dark_palettes() -> None:
    for palette in (light_palette(), dark_palette()):
        frame = style.focus_colour(palette)
        for background in style.palette_backgrounds(palette):
            assert style.contrast(frame, background) >= style.FRAME_CONTRAST, (frame.name(), background.name())
        assert frame.name() in style.focus_style_sheet(palette)
    assert style.focus_colour(light_palette()).name() != style.focus_colour(dark_palette()).name()


def test_the_focus_frame_follows_the_desktop_turning_dark(qtbot: QtBot, clinic: Clinic) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    window = MainWindow(clinic, "test")
    qtbot.addWidget(window)
    try:
        app.setPalette(light_palette())
        assert style.FOCUS_COLOUR in app.styleSheet()
        app.setPalette(dark_palette())  # as when the desktop's colour scheme changes while CGA Desk runs
        qtbot.waitUntil(lambda: style.DARK_FOCUS_COLOUR in app.styleSheet(), timeout=3000)
        assert style.FOCUS_COLOUR not in app.styleSheet()
        assert app.styleSheet().count(style.FOCUS_MARK) == 2  # replaced, not added again
    finally:
        app.setPalette(before)


def light_palette() -> QPalette:
    """Qt's Fusion palette, as the window has on Linux and in the tests."""
    from PySide6.QtWidgets import QStyleFactory

    fusion = QStyleFactory.create("Fusion")
    return fusion.standardPalette()


def dark_palette() -> QPalette:
    """A dark desktop's palette, as Qt's Fusion style makes it for a dark colour scheme (qfusionstyle.cpp:
    window 50,50,50, base 140% darker, text 240,240,240)."""
    palette = QPalette()
    window, text = QColor(50, 50, 50), QColor(240, 240, 240)
    base = window.darker(140)
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, base.lighter(110)),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, window.lighter(150)),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.Highlight, QColor(48, 140, 198)),
    ):
        palette.setColor(role, colour)
    return palette


def test_a_completed_visit_is_confirmed_on_the_page_not_only_in_the_status_bar(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    v = clinic.start_visit(patient, date(2026, 11, 24), "Baseline", "patient")
    clinic.save_answers(v.id, "katz", {c: "independent" for c in katz.SPEC.item_codes})
    clinic.save_answers(v.id, "lawton", {c: 1 for c in lawton.SPEC.item_codes})
    clinic.save_answers(v.id, "charlson", [charlson.SPEC.item_codes[0]])
    window = _window(qtbot, clinic)
    window.show_patient(patient)
    _press(qtbot, Qt.Key.Key_Return)  # continue the draft: the wizard opens where it stopped
    wizard = window.wizard
    assert window.stack.currentWidget() is wizard
    while wizard.questions[wizard.index].step != "review":
        qtbot.keyClick(wizard, "2")  # the instruments asked only when wanted: not this time
    qtbot.keyClick(wizard, Qt.Key.Key_Return)  # complete
    assert clinic.visit(v.id).status == "complete"
    notice = window.notice
    assert notice.isVisible() and notice.objectName() == "notice"
    assert QAccessible.queryAccessibleInterface(notice).text(QAccessible.Text.Name) == notice.text()  # said: its words
    assert "completed" in notice.text() and notice.accessibleDescription() == notice.text()
    assert "completed" in window.statusBar().currentMessage()  # kept in the status bar as before
    page = window.stack.geometry()
    top_left = notice.mapTo(window, notice.rect().topLeft())
    assert page.contains(top_left) and top_left.y() < page.top() + page.height() // 4  # at the top of the page
    notice.show_message("short", ms=50)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=3000)  # it fades away by itself


def test_f1_opens_the_manual_at_the_section_of_the_page_and_esc_closes_it(
    qtbot: QtBot, clinic: Clinic, patient: str
) -> None:
    window = _window(qtbot, clinic)
    window.show_patient(patient)
    _press(qtbot, Qt.Key.Key_F1)
    manuals = [w for w in QApplication.topLevelWidgets() if isinstance(w, ManualWindow) and w.isVisible()]
    assert len(manuals) == 1
    manual = manuals[0]
    text = manual.browser.toPlainText()
    for heading in ("The nurse's visit", "The physician's review and sign-off", "Printing", "Export"):
        assert heading in text
    assert "Backup and restore" in text and "Keyboard shortcuts" in text
    bar = manual.browser.verticalScrollBar()
    assert bar.value() > 0  # opened at the patient page's section, not at the top
    qtbot.waitUntil(lambda: QApplication.activeWindow() is manual or manual.browser.hasFocus(), timeout=3000)
    manual.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is manual, timeout=3000)
    qtbot.keyClick(manual.browser, Qt.Key.Key_Escape)
    assert not manual.isVisible()
    at_visit = bar.value()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    _press(qtbot, Qt.Key.Key_2, CTRL)  # the trends tab: F1 opens the physician's review
    _press(qtbot, Qt.Key.Key_F1)
    assert manual.isVisible() and bar.value() > at_visit


def test_ctrl_f_finds_a_patient_from_anywhere(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    v = clinic.start_visit(patient, date(2026, 11, 24), "Baseline", "patient")
    window = _window(qtbot, clinic)
    for show in (lambda: window.show_patient(patient), lambda: window.show_visit(v.id), window.show_cohort):
        show()
        assert window.stack.currentWidget() is not window.patients
        _press(qtbot, Qt.Key.Key_F, CTRL)
        assert window.stack.currentWidget() is window.patients
        assert QApplication.focusWidget() is window.patients.search
    qtbot.keyClicks(window.patients.search, "Rossi")  # typing goes straight into the search
    assert window.patients.model.rowCount() == 1
    _press(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.patient


def _preview(qtbot: QtBot) -> ReportPreview:
    """The print preview Ctrl+P opened (built off the GUI thread, then shown without a nested loop)."""
    found: list[ReportPreview] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=20000)
    return found[0]


@pytest.mark.parametrize("where", ["patient", "visit", "cohort", "wizard"])
def test_ctrl_p_previews_the_report_of_what_is_shown(qtbot: QtBot, clinic: Clinic, patient: str, where: str) -> None:
    first = _complete(clinic, patient, date(2026, 3, 10), "Baseline")
    _complete(clinic, patient, date(2026, 6, 1), "End of induction")
    window = _window(qtbot, clinic)
    if where == "cohort":
        window.show_cohort()
    elif where == "wizard":  # the visit being entered: its summary so far
        window.show_visit(clinic.start_visit(patient, date(2026, 11, 24), "Unscheduled", "patient").id)
    else:
        window.show_patient(patient)
        if where == "visit":  # one visit selected: its summary
            table = window.patient.table
            row = next(
                r
                for r in range(table.model().rowCount())
                if table.model().index(r, 0).data(Qt.ItemDataRole.UserRole + 2).id == first
            )
            table.selectRow(row)
    _press(qtbot, Qt.Key.Key_P, CTRL)
    preview = _preview(qtbot)
    expected = {
        "patient": "longitudinal report of PCL-001",
        "visit": "visit summary of PCL-001",
        "cohort": "cohort summary",
        "wizard": "visit summary of PCL-001, Unscheduled 2026-11-24",
    }
    assert expected[where] in preview.windowTitle()
    assert preview.page_labels  # pages rendered
    if where == "visit":
        assert "2026-03-10" in preview.windowTitle()
    preview.close()


def test_ctrl_p_on_the_patient_list_says_what_it_prints(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    window = _window(qtbot, clinic)
    window.show_list()
    _press(qtbot, Qt.Key.Key_P, CTRL)
    assert window.notice.isVisible() and "Nothing to print" in window.notice.text()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreview) and w.isVisible()]


def test_every_button_names_its_control(qtbot: QtBot, clinic: Clinic, patient: str) -> None:
    """The tab bar is a control of its own (it is reached by Tab, its tabs by the arrows)."""
    window = _window(qtbot, clinic)
    window.show_patient(patient)
    assert isinstance(window.patient.tabs.tabBar(), QTabBar)
    assert all(b.text() or b.accessibleName() for b in window.patient.findChildren(QPushButton))


def test_tab_leaves_the_schedule_table_to_the_dialogs_buttons(qtbot: QtBot, clinic: Clinic) -> None:
    """The schedules dialog as File > Schedules… opens it: from the timepoint table, Tab goes on through the
    row's fields to the buttons after the table and round to the schedule list (a table keeps Tab for its
    cells unless style.keyboard_friendly says otherwise)."""
    from PySide6.QtGui import QAction

    from cga_desk.ui.schedules_dialog import FIELDS, SchedulesDialog
    from tests.ui.conftest import when_modal

    sign_in_as(clinic, "admin")
    window = _window(qtbot, clinic)
    rounds: list[list[QWidget]] = []
    rows: list[int] = []

    def walk(dialog: QWidget) -> None:
        assert isinstance(dialog, SchedulesDialog)
        assert not dialog.table.tabKeyNavigation()
        first = dialog.cell(0, "label")
        first.setFocus(Qt.FocusReason.TabFocusReason)  # in the table: the first timepoint's name
        qtbot.waitUntil(first.hasFocus)
        seen: list[QWidget] = []
        for _ in range(len(FIELDS) * dialog.table.rowCount() + 12):
            _press(qtbot, Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
        rounds.append(seen)
        rows.append(dialog.table.rowCount())
        dialog.reject()  # type: ignore[attr-defined]

    when_modal(qtbot, walk)
    action = window.findChild(QAction, "action.schedules")
    assert action is not None
    action.trigger()
    assert rounds, "the schedules dialog did not open"
    names = [w.objectName() for w in rounds[0] if w is not None]
    last_cell = names.index(f"schedules.row{rows[0]}.not_before_anchor")
    assert names[1] == "schedules.row1.offset_days"  # the row's fields, one by one
    # after the last row's last field: the buttons under the table, then round to the list and the name
    assert names[last_cell + 1 : last_cell + 4] == [
        "schedules.add_timepoint",
        "schedules.remove_timepoint",
        "schedules.save",
    ]
    assert rows[0] > 1 and "schedules.list" in names[last_cell:] and "schedules.name" in names[last_cell:]
