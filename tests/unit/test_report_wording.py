"""Report wording without a database: incomplete is never 0, changes carry their direction, fonts cover names."""

from __future__ import annotations

from datetime import date

import pytest

from cga_desk.domain.errors import ValidationError
from cga_desk.domain.records import InstrumentState
from cga_desk.forms.change import VisitChange, item_changes
from cga_desk.reports.changes import baseline_sentence, change_phrase, delta_cell, signed
from cga_desk.reports.data import ReportSettings, check_date_format
from cga_desk.reports.fonts import check_printable, unprintable
from cga_desk.reports.wording import instrument_section, item_change_words


def _state(answers: dict | None, total: int | None = None, reason: str | None = None) -> InstrumentState:
    return InstrumentState("katz", "katz-hartford-0-6/1", answers, total, reason)


def test_an_incomplete_instrument_says_incomplete_and_names_what_is_missing() -> None:
    section = instrument_section(
        "katz", _state({"bathing": "dependent"}), {"katz_adl": None, "incomplete": ["katz.dressing"]}
    )
    assert section.total_text == "Katz ADL incomplete (not answered: Dressing)" and section.state == "incomplete"
    assert section.lines[0].answer.startswith("Dependent: needs help") and section.lines[0].points == 0
    assert section.lines[1].answer == "not answered" and section.lines[1].points is None


def test_not_assessable_paper_total_and_absent_instruments() -> None:
    assert instrument_section("katz", _state(None, reason="in ICU"), {}).total_text == "Katz ADL not assessable: in ICU"
    paper = instrument_section("katz", _state(None, total=5), {"katz_adl": 5})
    assert paper.total_text.startswith("Katz ADL 5/6, higher = more independent (total from paper records")
    assert instrument_section("lawton", None, {}).total_text == "Lawton IADL incomplete (not answered)"
    assert "not recorded" in instrument_section("ecog", None, {}).total_text


def test_charlson_pair_ticked_twice_shows_the_cancelled_member() -> None:
    answers = {c: False for c in ("diabetes_uncomplicated", "diabetes_end_organ_damage")}
    answers.update(diabetes_uncomplicated=True, diabetes_end_organ_damage=True)
    state = InstrumentState("charlson", "charlson-1987-19/1", answers, None, None)
    lines = {ln.label: ln for ln in instrument_section("charlson", state, {"cci": None}).lines}
    assert lines["Diabetes without end-organ damage"].points == 0
    assert "not counted" in lines["Diabetes without end-organ damage"].answer
    assert lines["Diabetes with end-organ damage"].points == 2


def test_changes_are_signed_marked_and_never_zero_when_missing() -> None:
    assert [signed(v) for v in (2, -1, 0, None)] == ["+2", "−1", "0", "incomplete"]
    # the arrow goes the number's way; the word says what that way means for the score (issue 17)
    assert delta_cell("katz_adl", -1) == "−1 ▼ declined" and delta_cell("katz_adl", 2) == "+2 ▲ improved"
    assert delta_cell("cci", -1) == "−1 ▼ improved" and delta_cell("cci", 1) == "+1 ▲ declined"
    assert delta_cell("imwg_score", 0) == "0" and delta_cell("imwg_score", None) == "incomplete"
    phrase = change_phrase({"katz_adl": -1, "lawton_iadl": None, "cci": 0, "imwg_score": 1})
    assert phrase == "Katz ADL −1 ▼ declined · Lawton IADL incomplete · CCI 0 · IMWG score +1 ▲ declined"
    none = VisitChange(False, None, None, None, None, None, None, (), ())
    assert "no baseline" in baseline_sentence(none, str)


def test_an_item_change_is_marked_the_way_its_points_moved() -> None:
    from cga_desk.forms.messages import item_change_marked

    then = {"katz": {"bathing": "independent"}, "charlson": {"dementia": False}}
    bathing, dementia = item_changes({"katz": {"bathing": "dependent"}, "charlson": {"dementia": True}}, then)
    assert item_change_marked(bathing).endswith("▼ declined")  # a point lost
    assert item_change_marked(dementia).endswith("Absent → Present ▲ declined") or item_change_marked(
        dementia
    ).endswith("▲ declined")  # a condition's points gained: a rise, and a decline


def test_incomplete_entries_and_pair_flags_are_said_in_words() -> None:
    from cga_desk.reports.wording import entry_words, flag_words

    assert entry_words("lawton.transportation") == "Lawton IADL, Mode of transportation"
    assert entry_words("katz") == "Katz ADL: not answered" and entry_words("age_years") == "age (no birth date)"
    flag = "charlson: diabetes_uncomplicated and diabetes_end_organ_damage both ticked; only diabetes_end_organ_damage counted"
    assert flag_words(flag) == (
        "Diabetes without end-organ damage and Diabetes with end-organ damage both ticked; only Diabetes with "
        "end-organ damage is counted"
    )
    assert flag_words("something else") == "something else"  # an unknown note is printed as it is


def test_item_changes_in_words() -> None:
    then = {"katz": {"bathing": "independent"}, "lawton": {"finances": 1}}
    bathing, finances = item_changes({"katz": {"bathing": "dependent"}, "lawton": {"finances": 3}}, then)
    assert item_change_words(bathing) == (
        "Katz ADL, Bathing: Independent: bathes self completely, or needs help with one part of the body only "
        "(back, genital area, a disabled limb) → Dependent: needs help with more than one part, getting in or out "
        "of the tub or shower, or total bathing"
    )
    assert item_change_words(finances) == (
        "Lawton IADL, Ability to handle finances: Manages financial matters independently (budgets, "
        "pays bills, goes to the bank), keeps track of income → Incapable of handling money"
    )


def test_dates_are_iso_by_default_and_a_format_must_show_day_month_year() -> None:
    assert ReportSettings().fmt(date(2026, 3, 10)) == "2026-03-10"
    assert ReportSettings(date_format="%d %b %Y").fmt(date(2026, 3, 10)) == "10 Mar 2026"
    assert ReportSettings().fmt(None) == "—"
    for bad in ("%Y-%m", "%d/%m/%y", "nonsense"):
        with pytest.raises(ValidationError) as info:
            check_date_format(bad)
        assert info.value.field == "date_format"


def test_the_font_prints_greek_cyrillic_and_symbols_but_refuses_what_it_lacks() -> None:
    for text in (
        "Ελένη Παπαδοπούλου",
        "Наталья Иванова",
        "≤ ≥ → ▼ − Δ µ",
        "Zoë Łukasik",
        "😀",
        "王秀英",
        "محمد",
        "דוד",
    ):
        assert unprintable(text) is None, text  # DejaVu Sans does carry the Emoticons block (U+1F600...)
    assert unprintable("王小明 🧑") == "🧑" and unprintable("\U000f0001") == "\U000f0001"  # a private-use plane
    with pytest.raises(ValidationError, match=r"cannot print the character '🧑' \(U\+1F9D1") as info:
        check_printable("Li 王 🧑", "name")
    assert info.value.field == "name"
