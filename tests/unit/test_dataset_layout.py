"""The dataset's columns as generated from the registry: the spec's fixed list first, untouched; the
item columns of every instrument with items; change columns agreeing with registry.CHANGE_KEYS."""

from __future__ import annotations

from cga_desk.forms import registry
from cga_desk.forms.dataset_columns import CORE_COLUMNS
from cga_desk.services.codebook import layout


def test_the_spec_columns_come_first_and_the_items_follow_in_registry_order() -> None:
    lay = layout()
    core = [c.name for c in CORE_COLUMNS]
    assert list(lay.names[: len(core)]) == core
    items = [f"{i.code}_{it}" for i in registry.CORE if i.item_columns for it in i.spec.item_codes]
    assert list(lay.names[len(core) : len(core) + len(items)]) == items
    assert len(set(lay.names)) == len(lay.names)


def test_change_columns_are_those_of_the_registry_with_its_decline_direction() -> None:
    lay = layout()
    assert list(lay.change_keys.values()) == [k.key for k in registry.CHANGE_KEYS]
    for column in lay.columns:
        if column.name in lay.change_keys:
            sign = registry.DECLINE_SIGN[lay.change_keys[column.name]]
            assert column.direction == ("negative = decline" if sign < 0 else "positive = decline")


def test_every_column_has_a_meaning_and_a_range() -> None:
    assert all(c.meaning and c.value_range for c in layout().columns)
