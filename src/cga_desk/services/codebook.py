"""The analysis dataset's columns and their codebook: every column's meaning, range and direction
(docs/clinical-rules.md 1 and 12), generated from the registry.

The spec's original columns are its fixed list (forms/dataset_columns.py); then every instrument's item
columns (`<code>_<item>`, core instruments in registry order), then each appended instrument's own
columns, its change from baseline and its item columns. Item wording comes from the instruments' specs,
so the codebook and the forms a nurse fills in never disagree; no instrument is named here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .. import i18n
from ..forms import registry
from ..forms.dataset_columns import CORE_COLUMNS, IDENTIFYING_COLUMNS, NO_BASELINE
from ..forms.definitions import Item
from ..forms.instrument import Column, Instrument
from ..i18n import translate

if TYPE_CHECKING:
    import pandas as pd

CODEBOOK_COLUMNS = ("column", "meaning", "range", "direction", "type", "value_labels")
# Value labels of the spec's coded columns (machine-readable, JSON in the codebook's value_labels).
_CORE_LABELS: dict[str, tuple[tuple[str, str], ...]] = {
    "is_baseline": (("0", "not the baseline"), ("1", "the effective baseline")),
    "status": (("draft", "being entered"), ("complete", "all instruments answered"), ("signed", "signed")),
    "imwg_category": (("fit", "score 0"), ("intermediate", "score 1"), ("frail", "score 2 or more")),
    "simplified_frailty_category": (("non-frail", "score 0-1"), ("frail", "score 2 or more")),
    "g8_abnormal": (("0", "above 14"), ("1", "14 or less")),
}


@dataclass(frozen=True)
class ItemColumn:
    """One item's dataset column: `inst.item_value(item, answer)` of each visit's answer."""

    column: Column
    instrument: Instrument
    item: str


@dataclass(frozen=True)
class Layout:
    """The dataset's columns in order (without the identifying ones), and what fills them."""

    columns: tuple[Column, ...]
    items: tuple[ItemColumn, ...]  # the item columns among them
    change_keys: dict[str, str]  # change column -> the ScoreKey's key (registry.CHANGE_KEYS)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _decline(key: str) -> str:
    if registry.DECLINE_SIGN[key] < 0:
        return translate("codebook", "negative = decline")
    return translate("codebook", "positive = decline")


def _value(inst: Instrument, item: Item, option_code: str) -> float | int | None:
    return inst.item_value(item.code, inst.to_answer(item, option_code))


def _points(n: float | int) -> str:
    if not i18n.is_english():
        return translate("codebook", "{n} points").format(n=n)
    return f"{n} point{'' if n == 1 else 's'}"


def item_column(inst: Instrument, item: Item) -> ItemColumn:
    """An item's column: its options with the value the dataset shows (and the points, when they differ)."""
    values = [(_value(inst, item, o.code), o) for o in item.options]
    as_points = all(v == o.points for v, o in values)
    code = inst.code
    words = "; ".join(
        f"{v} = {translate(code, o.label)}" + ("" if as_points else f" ({_points(o.points)})") for v, o in values
    )
    numbers = [v for v, _ in values if v is not None]
    labels = tuple((str(v), translate(code, o.label)) for v, o in values if v is not None)
    help_ = translate(code, item.help) if item.help else ""
    column = Column(
        f"{inst.code}_{item.code}",
        translate("codebook", "{instrument} item '{item}': {options}.").format(
            instrument=translate(code, inst.short_title), item=translate(code, item.label), options=words
        )
        + (f" {help_}" if help_ else "")
        + translate(
            "codebook", " Empty = not answered item by item (a total from paper, not assessable, or not asked)"
        ),
        f"{min(numbers)}-{max(numbers)}",
        translate("codebook", "points: {direction}").format(direction=translate("directions", inst.spec.direction))
        if as_points
        else translate("codebook", "the option's value shown, not its points"),
        "integer" if all(float(v).is_integer() for v in numbers) else "number",
        labels,
    )
    return ItemColumn(column, inst, item.code)


def _items(instruments: tuple[Instrument, ...]) -> list[ItemColumn]:
    return [item_column(i, it) for i in instruments if i.item_columns for it in i.spec.items]


def _change_column(inst: Instrument) -> Column:
    assert inst.change is not None
    total = next((c for c in inst.extra_columns if c.name == inst.total_key), None)
    span = inst.spec.max_total - inst.spec.min_total
    return Column(
        f"change_{inst.change.key}",
        translate("codebook", "{total} at this visit - {total} at baseline; {no_baseline}").format(
            total=inst.total_key, no_baseline=translate("codebook", NO_BASELINE)
        ),
        translate("codebook", "-{span} to +{span}").format(span=span),
        _decline(inst.change.key),
        "integer" if total is None else total.kind,
    )


def _core_column(column: Column) -> Column:
    """The spec's entry, its direction completed: an instrument's total has the instrument's direction,
    a change the direction of its decline (registry.CHANGE_KEYS)."""
    totals = {i.total_key: i.spec.direction for i in registry.INSTRUMENTS}
    key = column.name.removeprefix("change_")
    if column.name.startswith("change_") and key in registry.DECLINE_SIGN:
        return replace(column, direction=_decline(key))
    return column if column.direction else replace(column, direction=totals.get(column.name, ""))


def layout() -> Layout:
    """The dataset's columns from the registry as it stands (read on every call)."""
    core_items = _items(registry.CORE)
    columns = [*map(_core_column, CORE_COLUMNS), *(i.column for i in core_items)]
    items, changes = list(core_items), {}
    for inst in registry.APPENDED:
        columns += inst.extra_columns
        if inst.change is not None:
            columns.append(_change_column(inst))
        appended = _items((inst,))
        columns += [i.column for i in appended]
        items += appended
    columns += extension_columns()
    for c in columns:
        key = c.name.removeprefix("change_")
        if c.name.startswith("change_") and key in registry.DECLINE_SIGN:
            changes[c.name] = key
    return Layout(tuple(columns), tuple(items), changes)


def _labels(c: Column) -> str:
    labels = c.labels or _CORE_LABELS.get(c.name, ())
    return json.dumps(dict(labels), ensure_ascii=False) if labels else ""


def codebook_frame(deidentified: bool = False) -> pd.DataFrame:
    """One row per dataset column (column, meaning, range, direction, type, value labels as JSON), in
    the dataset's order."""
    import pandas as pd

    entries = [*layout().columns, *(() if deidentified else IDENTIFYING_COLUMNS)]
    rows = [
        (c.name, *(translate("codebook", t) for t in (c.meaning, c.value_range, c.direction)), c.kind, _labels(c))
        for c in entries
    ]
    return pd.DataFrame(rows, columns=list(CODEBOOK_COLUMNS))


# -- the columns a statistician asked for (issue 19), appended after everything above -------------
FIRST_BASELINE = "the patient's first baseline (the earliest effective baseline; before it: empty)"
NOT_ASSESSABLE_WITHHELD = "withheld (de-identified)"


def _total_kind(key: str) -> str:
    inst = registry.instrument_of(key)
    if inst is None:
        return "integer"
    total = next((c for c in inst.extra_columns if c.name == inst.total_key), None)
    return "integer" if total is None else total.kind


def extension_columns() -> tuple[Column, ...]:
    """The appended analysis columns, generated from the registry: visit number, respondent,
    patient-level variables, the first baseline, baseline values and change from the first baseline
    beside the latest, not-assessable reasons, form versions, graded-pair flags, the scoring version."""
    out = [
        Column("visit_number", "The visit's number in the patient's visits by date (1 = first)", "1 or more"),
        Column(
            "respondent",
            "Who answered: the patient, a proxy, or both; empty = not recorded",
            "patient, proxy, both",
            "",
            "text",
            (("patient", "the patient"), ("proxy", "a proxy"), ("both", "the patient and a proxy")),
        ),
        Column("sex", "Sex of the patient", "female, male, other, unknown", "", "text"),
        Column("index_disease", "Index disease of the patient (code)", "text", "", "text"),
        Column("diagnosis_date", "Diagnosis date of the index disease; empty = not recorded", "YYYY-MM-DD", "", "date"),
        Column("first_baseline_date", f"Date of {FIRST_BASELINE}", "YYYY-MM-DD", "", "date"),
        Column("days_from_first_baseline", f"Days from {FIRST_BASELINE} to this visit", "0 or more"),
    ]
    for key in registry.CHANGE_KEYS:
        kind = _total_kind(key.key)
        out += [
            Column(
                f"baseline_{key.key}",
                f"{key.label} at the baseline this visit is compared with; {NO_BASELINE}",
                "as the score",
                "",
                kind,
            ),
            Column(f"first_baseline_{key.key}", f"{key.label} at {FIRST_BASELINE}", "as the score", "", kind),
            Column(
                f"change_first_{key.key}",
                f"{key.label} at this visit - at the first baseline (change_{key.key} is from the latest); {NO_BASELINE}",
                "as the change",
                _decline(key.key),
                kind,
            ),
        ]
    for inst in registry.INSTRUMENTS:
        out.append(
            Column(
                f"{inst.code}_not_assessable",
                f"{inst.short_title}: why it could not be assessed (free text; de-identified: "
                f"'{NOT_ASSESSABLE_WITHHELD}'); empty = assessable or not asked",
                "text",
                "",
                "text",
            )
        )
        out.append(
            Column(
                f"{inst.code}_form_version",
                f"{inst.short_title}: form version of the answers; empty = not asked",
                "text",
                "",
                "text",
            )
        )
    for inst in registry.INSTRUMENTS:
        for mild, severe in inst.both_flags():
            out.append(
                Column(
                    f"{inst.code}_both_{severe}",
                    f"1 = both '{inst.spec.item(mild).label}' and '{inst.spec.item(severe).label}' were ticked "
                    "(only the more severe counts); empty = not answered item by item",
                    "0-1",
                    "",
                    "boolean",
                    (("0", "not both"), ("1", "both ticked")),
                )
            )
    out.append(Column("scoring_version", "Version of the scoring rules and of every form", "text", "", "text"))
    return tuple(out)
