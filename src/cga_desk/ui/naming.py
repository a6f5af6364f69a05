"""A control's two names: the identifier code and tests find it by, and the words a screen reader says.

The identifier ("patient.start_next") is the widget's `objectName`: never spoken, never translated. The
spoken name is Qt's accessible name, and a button's accessible name replaces its text for a screen
reader; so it is set only where the control has no words of its own (a table, a list, a field without a
label beside it, a picture), and then in words, translated. A control with visible text (a button, a
check box, a label) and a field that is the buddy of a form's label are spoken by Qt from that text
(issue 18 item 9; tests/ui/test_accessible_words.py walks every page and dialog in English and zh_CN).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def named(widget: QWidget, ident: str, words: str = "") -> None:
    """`ident` for code and tests; `words` (already translated) for a screen reader, when given."""
    widget.setObjectName(ident)
    if words:
        widget.setAccessibleName(words)
