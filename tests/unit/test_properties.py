"""Hypothesis properties of the scoring: ranges hold, and a worse answer never lowers IMWG."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from cga_desk.forms import charlson, katz, lawton
from cga_desk.forms.document import score_document

katz_answers = st.fixed_dictionaries({c: st.sampled_from(["independent", "dependent"]) for c in katz.SPEC.item_codes})
lawton_answers = st.fixed_dictionaries({it.code: st.integers(1, len(it.options)) for it in lawton.SPEC.items})
charlson_ticks = st.lists(st.sampled_from(charlson.SPEC.item_codes), unique=True)
birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2000, 12, 31))


@st.composite
def documents(draw: Any) -> dict[str, Any]:
    birth = draw(birth_dates)
    on = birth + timedelta(days=draw(st.integers(0, 365 * 110)))
    doc: dict[str, Any] = {
        "birth_date": birth.isoformat(),
        "assessment_date": on.isoformat(),
        "katz": draw(st.one_of(katz_answers, st.integers(0, 6))),
        "lawton": draw(st.one_of(lawton_answers, st.integers(0, 8))),
        "charlson": draw(st.one_of(charlson_ticks, st.integers(0, 37))),
    }
    if draw(st.booleans()):
        doc["ecog"] = draw(st.integers(0, 4))
    return doc


@given(documents())
def test_any_valid_document_scores_within_range(doc: dict[str, Any]) -> None:
    r = score_document(doc)
    assert 0 <= r["katz_adl"] <= 6 and 0 <= r["lawton_iadl"] <= 8 and 0 <= r["cci"] <= 37
    assert r["adl_dependency"] == 6 - r["katz_adl"] and r["iadl_dependency"] == 8 - r["lawton_iadl"]
    assert 0 <= r["imwg"]["score"] <= 5 and r["imwg"]["score"] == sum(r["imwg"]["points"].values())
    assert r["imwg"]["category"] == ("fit", "intermediate", "frail")[min(r["imwg"]["score"], 2)]
    if isinstance(doc["charlson"], list):
        assert r["cci"] <= 33
    if "ecog" in doc:
        assert 0 <= r["simplified_frailty"]["score"] <= 5


@given(documents(), katz_answers, st.sampled_from(katz.SPEC.item_codes))
def test_katz_item_turning_dependent_never_lowers_imwg(doc: dict[str, Any], answers: dict, item: str) -> None:
    before = score_document({**doc, "katz": {**answers, item: "independent"}})
    after = score_document({**doc, "katz": {**answers, item: "dependent"}})
    assert after["imwg"]["score"] >= before["imwg"]["score"]
    assert after["katz_adl"] == before["katz_adl"] - 1


@given(documents(), lawton_answers, st.sampled_from(lawton.SPEC.items), st.data())
def test_lawton_lower_scoring_option_never_lowers_imwg(
    doc: dict[str, Any], answers: dict, item: Any, data: Any
) -> None:
    a, b = data.draw(st.integers(1, len(item.options))), data.draw(st.integers(1, len(item.options)))
    better, worse = (a, b) if item.option(str(a)).points >= item.option(str(b)).points else (b, a)
    before = score_document({**doc, "lawton": {**answers, item.code: better}})
    after = score_document({**doc, "lawton": {**answers, item.code: worse}})
    assert after["imwg"]["score"] >= before["imwg"]["score"]
