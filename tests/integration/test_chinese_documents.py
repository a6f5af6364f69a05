"""What the language changes and what it never changes.

Changes: the words of the reports (Chinese headings, categories, dates 2026年12月1日), the codebook's
meanings. Never: scores, the history document, the dataset (byte for byte), column names and codes.
A clinic's own .ts file replaces the instrument wording and names its version."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cga_desk import i18n
from cga_desk.forms.document import score_document
from cga_desk.persistence.database import Database
from cga_desk.reports.longitudinal import render_longitudinal
from cga_desk.reports.visit_summary import render_visit_summary
from cga_desk.services.report_data import longitudinal_report_data, visit_report_data
from tests.conftest import VECTORS, load_jsonl
from tests.integration.cli_helpers import CLI_NURSE, add_user, create_admin
from tests.integration.report_helpers import LONG_ID, build_long_patient, flat, pdf_pages, render_png
from tests.integration.test_reports import _pdf
from tests.store_fixtures import NURSE_USER, TODAY


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cga_desk.cli", *args], capture_output=True, text=True, timeout=180, env=env
    )


def test_the_same_scores_in_both_languages() -> None:
    for case in load_jsonl("cases.jsonl"):
        with i18n.use_language("en"):
            english = score_document(case["input"])
        with i18n.use_language("zh_CN"):
            chinese = score_document(case["input"])
        assert english == chinese, case["id"]
        assert {k: chinese[k] for k in case["expect"]} == case["expect"], case["id"]


def test_chinese_visit_summary_and_longitudinal_report_read_back(db: Database, tmp_path: Path) -> None:
    ids = build_long_patient(db, n=14, name="王秀英")
    with i18n.use_language("zh_CN"), db.unit_of_work(write=False) as uow:
        summary = _pdf(render_visit_summary, visit_report_data(uow, NURSE_USER, ids[10], TODAY))
        longitudinal = _pdf(render_longitudinal, longitudinal_report_data(uow, NURSE_USER, LONG_ID, TODAY))
    summary_pages, long_pages = pdf_pages(summary), pdf_pages(longitudinal)
    assert len(summary_pages) == 1  # the visit summary keeps one page in Chinese
    text = flat(summary_pages[0])
    for words in ("老年综合评估 — 访视小结", "王秀英", "患者编号", "评分", "较基线变化", "洗澡", "使用电话的能力"):
        assert words in text, words
    assert "2022年8月28日" in text and "2022-08-28" not in text  # the visit date, in the report's language
    assert "并非经过验证的量表中文版" in text and i18n.wording_version("zh_CN") in text  # spec 14: said on paper
    assert any(c in text for c in ("健壮", "中等健壮", "衰弱"))
    long_text = flat(" ".join(long_pages))
    for words in (
        "老年综合评估 — 纵向报告",
        "王秀英",
        "访视",
        "各次访视的条目答案",
        "作答者",
        "第 1 页",
        "趋势审阅",
    ):
        assert words in long_text, words
    for name, pdf in (("summary", summary), ("longitudinal", longitudinal)):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        assert len(render_png(path, tmp_path)) == len(pdf_pages(pdf))  # every page rasterises


def test_english_report_prints_a_chinese_name_with_english_headings(db: Database) -> None:
    ids = build_long_patient(db, n=1, name="王秀英")
    with i18n.use_language("en"), db.unit_of_work(write=False) as uow:
        text = flat(pdf_pages(_pdf(render_visit_summary, visit_report_data(uow, NURSE_USER, ids[0], TODAY)))[0])
    assert "王秀英" in text and "Geriatric assessment — visit summary" in text and "2021-11-01" in text


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_dataset_exported_in_chinese_is_byte_identical_and_only_the_codebook_speaks_chinese(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    admin = create_admin(db, tmp_path / "secret")
    assert cli("--db", str(db), "import", str(VECTORS / "visits.jsonl"), *admin).returncode == 0
    english, chinese, bom = tmp_path / "en.csv", tmp_path / "zh.csv", tmp_path / "bom.csv"
    assert cli("--db", str(db), "--lang", "en", "export", "--out", str(english), *admin).returncode == 0
    proc = cli("--db", str(db), "export", "--lang", "zh_CN", "--out", str(chinese), *admin)
    assert proc.returncode == 0, proc.stderr
    assert english.read_bytes() == chinese.read_bytes()  # the dataset: codes and ISO dates, whatever the language
    en_book, zh_book = _csv(tmp_path / "en.codebook.csv"), _csv(tmp_path / "zh.codebook.csv")
    assert [r[0] for r in en_book] == [r[0] for r in zh_book] and en_book[0] == zh_book[0]  # column names
    assert en_book != zh_book and any("洗澡" in r[1] for r in zh_book) and any("Bathing" in r[1] for r in en_book)
    assert all(not i18n.contains_cjk(c) for r in _csv(english) for c in r[:6])  # IDs, dates, codes
    proc = cli("--db", str(db), "--lang", "zh_CN", "export", "--excel-bom", "--out", str(bom), *admin)
    assert proc.returncode == 0, proc.stderr
    assert bom.read_bytes() == b"\xef\xbb\xbf" + english.read_bytes()  # Excel on a Chinese Windows: UTF-8
    assert (tmp_path / "bom.codebook.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_history_document_is_the_same_in_both_languages(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    admin = create_admin(db, tmp_path / "secret")
    assert cli("--db", str(db), "import", str(VECTORS / "visits.jsonl"), *admin).returncode == 0
    patient = load_jsonl("visits.jsonl")[0]["patient"]["id"]
    english = cli("--db", str(db), "--lang", "en", "history", patient, "--json", *admin)
    chinese = cli("--db", str(db), "--lang", "zh_CN", "history", patient, "--json", *admin)
    assert english.returncode == 0 and english.stdout == chinese.stdout
    assert not i18n.contains_cjk(json.dumps(json.loads(chinese.stdout), ensure_ascii=False))


def test_cli_report_follows_lang_and_the_system_locale(tmp_path: Path) -> None:
    db = tmp_path / "clinic.sqlite3"
    admin = create_admin(db, tmp_path / "secret")
    nurse = add_user(db, admin, CLI_NURSE)  # printing is a nurse's (or physician's) right
    assert cli("--db", str(db), "import", str(VECTORS / "visits.jsonl"), *admin).returncode == 0
    patient = load_jsonl("visits.jsonl")[0]["patient"]["id"]
    env = {k: v for k, v in __import__("os").environ.items() if k != i18n.LANG_ENV}
    env["LANG"] = "zh_CN.UTF-8"
    out = tmp_path / "locale.pdf"
    assert cli("--db", str(db), "report", patient, "--out", str(out), *nurse, env=env).returncode == 0
    assert "纵向报告" in flat(" ".join(pdf_pages(out.read_bytes())))
    assert cli("--db", str(db), "report", patient, "--lang", "en", "--out", str(out), *nurse, env=env).returncode == 0
    assert "longitudinal report" in flat(" ".join(pdf_pages(out.read_bytes())))


def test_a_clinic_replaces_the_instrument_wording_with_its_own_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "our-validated-katz.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">'
        "<context><name>Translation</name><message><source>version</source>"
        "<translation>本院 Katz 验证版 2025</translation></message></context>"
        "<context><name>katz</name><message><source>Bathing</source>"
        "<translation>沐浴（本院版）</translation></message></context></TS>",
        encoding="utf-8",
    )
    monkeypatch.setenv(i18n.TRANSLATIONS_DIR_ENV, str(folder))
    i18n.reload()
    try:
        with i18n.use_language("zh_CN"):
            assert i18n.translate("katz", "Bathing") == "沐浴（本院版）"
            assert i18n.translate("katz", "Dressing") == "穿衣"  # the rest stays the bundled wording
            assert i18n.wording_version() == "本院 Katz 验证版 2025"
        assert i18n.wording_version("en") == i18n.ENGLISH_WORDING
    finally:
        monkeypatch.undo()
        i18n.reload()
    with i18n.use_language("zh_CN"):
        assert i18n.translate("katz", "Bathing") == "洗澡"


def test_dates_follow_the_language() -> None:
    day = date(2026, 12, 1)
    with i18n.use_language("zh_CN"):
        assert i18n.format_date(day) == "2026年12月1日"
    with i18n.use_language("en"):
        assert i18n.format_date(day) == "2026-12-01"


def test_the_wording_version_is_recorded_with_each_instrument_of_a_visit(db: Database) -> None:
    from sqlalchemy import select

    from cga_desk.persistence.tables import VisitInstrument
    from tests.integration.test_reports import import_vectors

    (english,) = build_long_patient(db, n=1)
    with i18n.use_language("zh_CN"):
        (chinese,) = build_long_patient(db, n=1, study_id="PCL-中文")
    import_vectors(db)
    by_visit: dict[int, set[str | None]] = {}
    with db.unit_of_work(write=False) as uow:
        for visit_id, wording in uow.session.execute(
            select(VisitInstrument.visit_id, VisitInstrument.wording_version)
        ).all():
            by_visit.setdefault(visit_id, set()).add(wording)
    assert by_visit.pop(english) == {i18n.ENGLISH_WORDING}
    assert by_visit.pop(chinese) == {i18n.wording_version("zh_CN")}
    assert set().union(*by_visit.values()) == {i18n.IMPORTED_WORDING}  # the wording of a document: not known
