"""List the instruments' wording in the catalogue: src/cga_desk/resources/i18n/instruments_<lang>.ts.

The wording of the instruments is data of the registry (forms/*.py), not string literals pyside6-lupdate
could find, so this script does for it what lupdate does for the code: every text a person reads of each
instrument (title, instructions, items, options, help, the guided form's questions and options as shown,
the answers as printed), the directions, and the codebook's meanings of the dataset's fixed columns, one
context per instrument ("katz", "lawton", ...). Existing translations are kept; new texts are added as
unfinished; texts no longer in the registry are dropped. Run by `make lupdate`.

Usage: python scripts/i18n_instruments.py [LANG ...]   (default: zh_CN)
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from cga_desk import i18n
from cga_desk.forms import registry
from cga_desk.forms.dataset_columns import CORE_COLUMNS, IDENTIFYING_COLUMNS, NO_BASELINE

FOLDER = Path(__file__).resolve().parent.parent / "src" / "cga_desk" / "resources" / "i18n"


def texts() -> dict[str, list[str]]:
    """context -> source texts, in registry order, without repeats."""
    out: dict[str, list[str]] = {}

    def add(context: str, *values: str) -> None:
        bucket = out.setdefault(context, [])
        for value in values:
            if value and value not in bucket:
                bucket.append(value)

    add(i18n.VERSION_CONTEXT, i18n.VERSION_SOURCE)
    for inst in registry.INSTRUMENTS:
        spec, code = inst.spec, inst.code
        add(code, spec.title, inst.short_title, spec.instructions)
        if inst.change is not None:
            add(code, inst.change.label)
        for item in spec.items:
            add(code, item.label, item.help)
            for option in item.options:
                answer = inst.to_answer(item, option.code)
                add(code, option.label, inst.answer_text(item, option), inst.answer_words(item.code, answer))
        for question in inst.questions():
            add(code, question.label, question.help)
            for option in question.options:
                add(code, option.label, inst.option_label(question, option))
        add("directions", spec.direction)
        for column in inst.extra_columns:
            add("codebook", column.meaning, column.value_range, column.direction)
    add("codebook", NO_BASELINE)
    for column in (*CORE_COLUMNS, *IDENTIFYING_COLUMNS):
        add("codebook", column.meaning, column.value_range, column.direction)
        add("directions", column.direction)
    return out


def write(lang: str) -> Path:
    path = FOLDER / f"instruments_{lang}.ts"
    known = i18n.read_ts(path) if path.exists() else {}
    root = ET.Element("TS", version="2.1", language=lang, sourcelanguage="en")
    for context, sources in texts().items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for source in sources:
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            if (context, source) in known:
                translation.text = known[(context, source)]
            else:
                translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    for language in sys.argv[1:] or ["zh_CN"]:
        print(write(language))
