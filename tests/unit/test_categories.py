"""forms.categories: which categories exist, their order, decline and severity; their words in forms.messages."""

from __future__ import annotations

from cga_desk.forms import categories, messages


def test_imwg_order_and_decline() -> None:
    assert categories.IMWG == ("fit", "intermediate", "frail")
    assert [categories.rank(c) for c in ("fit", "intermediate", "frail", None)] == [0, 1, 2, None]
    assert categories.is_decline("fit", "frail") and categories.is_decline("intermediate", "frail")
    assert not categories.is_decline("frail", "fit") and not categories.is_decline("fit", "fit")
    assert not categories.is_decline(None, "frail") and not categories.is_decline("fit", None)


def test_every_category_has_a_severity_and_words() -> None:
    assert [categories.severity(c) for c in (*categories.IMWG, None)] == ["low", "moderate", "high", "unknown"]
    assert categories.severity("non-frail") == "low" and categories.severity("frail") == "high"
    assert messages.category_words("intermediate") == "Intermediate fitness"
    assert messages.category_words("frail", 3) == "Frail (3)" and messages.category_words(None) == "Incomplete"
    assert messages.category_transition(("fit", "frail")) == "fit → frail"
