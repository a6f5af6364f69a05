"""`cga-desk` command line: the sub-commands, and the window when none is given.

Every import below a sub-command is lazy: `cga-desk score` must never load Qt, SQLAlchemy or
pandas, so that it answers fast in scripts and on servers.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def _cmd_score(args: argparse.Namespace) -> int:
    from .commands.score import run_score

    return run_score(args.file, sys.stdin, sys.stdout, sys.stderr)


def _creds(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .commands.auth import Credentials

    return Credentials(getattr(args, "user", None), getattr(args, "password_file", None))


def _cmd_import(args: argparse.Namespace) -> int:
    from .commands.store import run_import

    if args.format == "redcap":
        from .commands.store import run_redcap_import

        return run_redcap_import(args.db, args.file, args.dictionary, sys.stdout, sys.stderr, _creds(args))
    return run_import(args.db, args.file, sys.stdout, sys.stderr, _creds(args))


def _cmd_history(args: argparse.Namespace) -> int:
    from .commands.store import run_history

    return run_history(args.db, args.patient_id, args.json, sys.stdout, sys.stderr, _creds(args))


def _cmd_export(args: argparse.Namespace) -> int:
    from .commands.export import run_export

    return run_export(
        args.db,
        args.format,
        args.out,
        args.deidentified,
        sys.stdout,
        sys.stderr,
        _creds(args),
        args.exact,
        excel_bom=args.excel_bom,
    )


def _cmd_report(args: argparse.Namespace) -> int:
    from .commands.report import run_report

    return run_report(
        args.db,
        args.patient_id,
        args.visit,
        args.cohort,
        args.out,
        sys.stdout,
        sys.stderr,
        _creds(args),
        include_drafts=args.include_drafts,
        baseline=args.baseline,
    )


def _cmd_init(args: argparse.Namespace) -> int:
    from .commands.init import run_init

    return run_init(args.db, sys.stdout, sys.stderr, args.plain)


def _cmd_demo(args: argparse.Namespace) -> int:
    from .commands.demo import run_demo

    return run_demo(args.db, args.patients, args.seed, sys.stdout, sys.stderr, _creds(args))


def _cmd_user(args: argparse.Namespace) -> int:
    from .commands.accounts import run_user

    return run_user(
        args.db,
        args.user_action,
        getattr(args, "name", None),
        getattr(args, "role", None),
        getattr(args, "full_name", None),
        getattr(args, "new_password_file", None),
        _creds(args),
        sys.stdout,
        sys.stderr,
    )


def _cmd_sign(args: argparse.Namespace) -> int:
    from .commands.accounts import run_sign

    return run_sign(args.db, args.patient_id, args.visit, args.meaning, _creds(args), sys.stdout, sys.stderr)


def _sign_in_options(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """--user and --password-file, accepted before or after the sub-command."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--user", metavar="NAME", default=default, help="sign in as this user (asks the password)")
    parser.add_argument(
        "--password-file",
        metavar="FILE",
        default=default,
        help="read the password from the first line of FILE instead (scripts; refused unless mode 600)",
    )


def _cmd_audit(args: argparse.Namespace) -> int:
    from .commands.audit import run_audit_verify

    return run_audit_verify(args.db, args.newest, args.anchor, sys.stdout, sys.stderr, _creds(args))


def _cmd_audit_export(args: argparse.Namespace) -> int:
    from .commands.audit import run_audit_export

    filters = {
        "patient": args.patient,
        "user": args.by_user,
        "action": args.action,
        "since": args.since,
        "until": args.until,
    }
    return run_audit_export(args.db, args.out, filters, args.exact, sys.stdout, sys.stderr, _creds(args))


def _cmd_init_postgres(args: argparse.Namespace) -> int:
    from .commands.init_postgres import run_init_postgres

    return run_init_postgres(args.db, args.owner, args.app, args.app_password_file, sys.stdout, sys.stderr)


def _cmd_backup(args: argparse.Namespace) -> int:
    from .commands.backup import run_backup

    return run_backup(args.db, args.out, args.verify, args.auto, sys.stdout, sys.stderr, _creds(args))


def _cmd_restore(args: argparse.Namespace) -> int:
    from .commands.backup import run_restore

    return run_restore(args.db, args.file, sys.stdout, sys.stderr, _creds(args))


def _cmd_encrypt(args: argparse.Namespace) -> int:
    from .commands.encryption import run_encrypt

    return run_encrypt(args.db, args.keep_plain_backup, _creds(args), sys.stdout, sys.stderr)


def _cmd_recover(args: argparse.Namespace) -> int:
    from .commands.encryption import run_recover

    return run_recover(
        args.db,
        args.recovery_key_file,
        getattr(args, "user", None),
        args.full_name,
        args.new_password_file,
        sys.stdout,
        sys.stderr,
    )


def _cmd_recovery_key(args: argparse.Namespace) -> int:
    from .commands.encryption import run_recovery_key

    return run_recovery_key(args.db, _creds(args), sys.stdout, sys.stderr)


class _VersionAction(argparse.Action):
    """`--version`: reads the version only when asked (importlib.metadata is not free at every start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="print the version (cga-desk X.Y.Z) and exit"
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from .version import __version__

        print(f"cga-desk {__version__}")
        parser.exit()


def _self_test() -> int:
    from .commands.selftest import run_self_test

    return run_self_test(sys.stdout, sys.stderr)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive whole number")
    return value


LANG_ARGS = ("--lang",)
LANG_OPTIONS = {
    "choices": ("en", "zh_CN"),
    "metavar": "LANG",
    "help": "language of the window and of printed words (reports, codebook): en or zh_CN "
    "(default: the system locale; the window: File > Language)",
}


def _with_lang(sub: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """`--lang` also after the sub-command (`cga-desk report --lang zh_CN ...`)."""
    sub.add_argument(*LANG_ARGS, default=argparse.SUPPRESS, **LANG_OPTIONS)  # type: ignore[arg-type]
    return sub


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cga-desk",
        description="Geriatric assessment (Katz ADL, Lawton IADL, Charlson, IMWG frailty score) for haematology clinics.",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database URL or SQLite file (default: CGA_DESK_DB, else cga-desk.sqlite3 in the user data folder)",
    )
    _sign_in_options(parser, top=True)
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(*LANG_ARGS, **LANG_OPTIONS)  # type: ignore[arg-type]
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a temporary database (migrations, import, scores, PDF "
        "reports, window) and exit: 0 if every check passed, 1 otherwise",
    )
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help="start the window (signed in as the first user, if any), quit once its first frame "
        "is painted (start-up benchmarks)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    score = sub.add_parser(
        "score",
        help="score assessment documents (JSON, JSON Lines or -) and print the results",
        description="Score .json (one document), .jsonl (one per line) or - (standard input). "
        "Refused input exits with status 2 and a message naming the field.",
    )
    score.add_argument("file", metavar="FILE", help="a .json or .jsonl file, or - for standard input")
    _with_lang(score)
    score.set_defaults(handler=_cmd_score)
    imp = sub.add_parser("import", help="import visit records (JSON Lines) into the database, one transaction per file")
    imp.add_argument("file", metavar="FILE", help="visit records (.jsonl), or a REDCap data export (.csv)")
    imp.add_argument(
        "--format",
        choices=("jsonl", "redcap"),
        default="jsonl",
        help="jsonl (default) or redcap: a REDCap export (raw codes) of the project `export --format redcap` made",
    )
    imp.add_argument("--dictionary", metavar="DICT.csv", help="the REDCap data dictionary (with --format redcap)")
    _sign_in_options(imp)
    imp.set_defaults(handler=_cmd_import)
    hist = sub.add_parser("history", help="a patient's visits with change from baseline")
    hist.add_argument("patient_id", metavar="PATIENT_ID")
    hist.add_argument("--json", action="store_true", help="print the history document (JSON)")
    _sign_in_options(hist)
    _with_lang(hist)
    hist.set_defaults(handler=_cmd_history)
    exp = sub.add_parser(
        "export",
        help="write the analysis dataset (CSV, XLSX) or an exchange format (ADaM, REDCap, FHIR, ODM)",
        description="csv/xlsx: one row per visit, sorted by patient then date; empty cell = not available. "
        "CSV writes FILE and <stem>.codebook.csv beside it; XLSX writes sheets 'dataset' and 'codebook'. "
        "adam: a folder (adsl, adqs as CSV and SAS XPT v5, define.csv); redcap: a folder (data dictionary, "
        "events, instrument-event mapping, import data); fhir: one R4 Bundle (.json); odm: CDISC ODM 1.3.2 "
        "(.xml). See docs/exchange.md.",
    )
    exp.add_argument(
        "--format",
        choices=("csv", "xlsx", "adam", "redcap", "fhir", "odm"),
        help="default: from the suffix (.csv, .xlsx, .json = fhir, .xml = odm)",
    )
    exp.add_argument(
        "--out", required=True, metavar="PATH", help="the file or folder to write (replaced when complete)"
    )
    exp.add_argument(
        "--deidentified",
        action="store_true",
        help="no names, birth dates, MRN or free text; dates shifted by a secret per-patient offset; "
        "ages of 90 and over as 90+ (docs/deidentification.md)",
    )
    exp.add_argument(
        "--exact",
        action="store_true",
        help="write text cells exactly as stored (by default a text beginning with =, +, -, @, tab or CR gets a "
        "leading ' so that a spreadsheet does not run it as a formula)",
    )
    exp.add_argument(
        "--excel-bom",
        action="store_true",
        help="CSV: begin each file with a UTF-8 byte-order mark, so Excel on a Chinese Windows reads names "
        "correctly (columns and codes unchanged)",
    )
    _sign_in_options(exp)
    _with_lang(exp)
    exp.set_defaults(handler=_cmd_export)
    rep = sub.add_parser(
        "report",
        help="print a PDF: a patient's longitudinal report, one visit, or the cohort",
        description="PATIENT_ID alone: the longitudinal report; with --visit DATE: that visit's one-page "
        "summary; --cohort: the cohort summary. The PDF is written to a temporary file, then renamed.",
    )
    rep.add_argument("patient_id", metavar="PATIENT_ID", nargs="?")
    rep.add_argument("--visit", metavar="DATE", help="the visit date (YYYY-MM-DD): print that visit's summary")
    rep.add_argument("--cohort", action="store_true", help="the cohort summary (no PATIENT_ID)")
    rep.add_argument(
        "--include-drafts",
        action="store_true",
        help="cohort summary: count draft visits too (by default only complete and signed visits are counted)",
    )
    rep.add_argument(
        "--baseline",
        choices=("first", "latest"),
        default=None,
        help="cohort summary: compare every visit with the patient's first baseline (default, the protocol's "
        "comparator) or with the latest baseline on or before it",
    )
    rep.add_argument("--out", required=True, metavar="FILE.pdf", help="the PDF to write (replaced when complete)")
    _sign_in_options(rep)
    _with_lang(rep)
    rep.set_defaults(handler=_cmd_report)
    init = sub.add_parser(
        "init",
        help="create the database named by --db (or bring it up to date); commands that read never create one",
        description="Create a new CGA Desk database at --db (a database URL, or with --plain an unencrypted "
        "SQLite file: a new SQLite database is created encrypted by `user add NAME --role admin`), or upgrade an "
        "existing one. history, export and report refuse a database that does not exist.",
    )
    init.add_argument(
        "--plain",
        action="store_true",
        help="a new SQLite file unencrypted (by default a new database is created encrypted by `user add NAME "
        "--role admin`, and init refuses a new file)",
    )
    init.set_defaults(handler=_cmd_init)
    demo = sub.add_parser(
        "demo",
        help="load realistic demo patients and visits (DEMO-P001, ...) into the database",
        description="Registers demo patients with treatment milestones and visits at the pPCL "
        "protocol timepoints up to today, through the same rules as the window. Refused when demo "
        "data is already loaded.",
    )
    demo.add_argument("--patients", type=_positive, default=40, metavar="N", help="how many patients (default 40)")
    demo.add_argument(
        "--seed", type=int, default=2026, metavar="S", help="random seed: same seed, same data (default 2026)"
    )
    _sign_in_options(demo)
    demo.set_defaults(handler=_cmd_demo)
    user = sub.add_parser(
        "user",
        help="accounts: add, list, deactivate, reset-password, unlock, change-password",
        description="Accounts (admin only, except change-password). On an empty database, `user add NAME "
        "--role admin` creates the administrator without signing in. Refused: exit 3.",
    )
    user_sub = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = user_sub.add_parser("add", help="create a user (asks the new password twice)")
    add.add_argument("name", metavar="NAME", help="the user name (letters, digits, . _ -)")
    add.add_argument("--role", required=True, choices=("nurse", "physician", "admin"))
    add.add_argument("--full-name", required=True, metavar="TEXT", help="printed with their signature")
    add.add_argument("--new-password-file", metavar="FILE", help="the new password from FILE (mode 600)")
    _sign_in_options(add)
    listing = user_sub.add_parser("list", help="every account and its state")
    _sign_in_options(listing)
    for action, text in (
        ("deactivate", "stop a user signing in (users are never deleted)"),
        ("reset-password", "give a user a one-time password (printed once)"),
        ("unlock", "unlock an account locked by failed sign-ins"),
    ):
        p = user_sub.add_parser(action, help=text)
        p.add_argument("name", metavar="NAME")
        _sign_in_options(p)
    change = user_sub.add_parser("change-password", help="choose a new password for --user (after a reset too)")
    change.add_argument("--new-password-file", metavar="FILE", help="the new password from FILE (mode 600)")
    _sign_in_options(change)
    user.set_defaults(handler=_cmd_user)
    sign = sub.add_parser(
        "sign",
        help="sign a patient's complete visits of one date (physicians; asks the password for the signature)",
        description="Electronically sign the complete visits of PATIENT_ID on --visit DATE with a meaning "
        "(default: the first of the clinic's list). Physicians only; refused: exit 3.",
    )
    sign.add_argument("patient_id", metavar="PATIENT_ID")
    sign.add_argument("--visit", required=True, metavar="DATE", help="the visit date (YYYY-MM-DD)")
    sign.add_argument(
        "--meaning", metavar="TEXT", help='the meaning of the signature (default "Reviewed and approved")'
    )
    _sign_in_options(sign)
    sign.set_defaults(handler=_cmd_sign)
    pg = sub.add_parser(
        "init-postgres",
        help="set up a PostgreSQL database with an owner role and an application role (run as an administrator)",
        description="Connect with --db as a PostgreSQL administrator. Creates the owner role (owns the tables, "
        "cannot log in) and the application role (what workstations connect as: no UPDATE, DELETE or TRUNCATE "
        "on the audit trail, no schema changes), then creates or upgrades the tables as the owner. "
        "Run it again after installing a new version.",
    )
    pg.add_argument("--owner", default="cga_owner", metavar="ROLE", help="the owner role (default cga_owner)")
    pg.add_argument("--app", default="cga_app", metavar="ROLE", help="the application role (default cga_app)")
    pg.add_argument(
        "--app-password-file", metavar="FILE", help="a file holding the application role's password (set or changed)"
    )
    pg.set_defaults(handler=_cmd_init_postgres)
    bak = sub.add_parser(
        "backup",
        help="back up the SQLite database to a file (--out), check a backup (--verify), or the daily automatic one (--auto)",
        description="--out FILE: a consistent copy made by SQLite's online backup API, with a manifest of its "
        "counts and audit chain head. --verify FILE: integrity check, counts and audit chain, nothing changed. "
        "--auto: today's automatic backup in the backup folder (setting backup.folder, default backups/ beside the "
        "database) if there is none yet, keeping 7 daily, 4 weekly and 12 monthly. PostgreSQL: use pg_dump.",
    )
    what = bak.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", metavar="FILE", help="write a backup to FILE")
    what.add_argument("--verify", metavar="FILE", help="check FILE: exit 0 if it can be restored, 1 otherwise")
    what.add_argument("--auto", action="store_true", help="today's automatic backup, if not made yet")
    _sign_in_options(bak)
    bak.set_defaults(handler=_cmd_backup)
    res = sub.add_parser(
        "restore",
        help="restore the SQLite database from a backup, after checking it (the replaced database is kept beside it)",
        description="Checks the backup (integrity, counts against its manifest, audit chain), copies it beside the "
        "database, checks the copy, keeps the current database as <name>.replaced-<time>, then writes the copy "
        "into the database. Refused, with the database untouched, if any check fails. Close CGA Desk on every "
        "workstation first.",
    )
    res.add_argument("file", metavar="FILE")
    _sign_in_options(res)
    res.set_defaults(handler=_cmd_restore)
    enc = sub.add_parser(
        "encrypt",
        help="convert a plain SQLite database to an encrypted one (an administrator; the recovery key is printed once)",
        description="Makes a backup of the plain database and checks it, writes an encrypted copy (SQLCipher), "
        "checks the copy (integrity, counts, audit chain) against the backup, then swaps it in with its key file "
        "(<db>.keys). The other accounts get one-time passwords (printed once). The plain backup is overwritten "
        "and deleted afterwards unless --keep-plain-backup. Close CGA Desk on every workstation first.",
    )
    enc.add_argument(
        "--keep-plain-backup",
        action="store_true",
        help="keep the plain backup made first (mode 600; anyone who can read it reads every patient)",
    )
    _sign_in_options(enc)
    enc.set_defaults(handler=_cmd_encrypt)
    rec = sub.add_parser(
        "recover",
        help="every administrator password lost: the printed recovery key opens the database and sets a new one",
        description="Unlocks the encrypted database with the recovery key printed on its first day, then gives "
        "the administrator --user NAME (an existing administrator, or a new one) the new password "
        "(--new-password-file, or asked twice). Audited.",
    )
    rec.add_argument("--recovery-key-file", required=True, metavar="FILE", help="the recovery key (mode 600)")
    rec.add_argument("--full-name", metavar="TEXT", help="for a new administrator: printed with their signature")
    rec.add_argument("--new-password-file", metavar="FILE", help="the new password from FILE (mode 600)")
    _sign_in_options(rec)
    rec.set_defaults(handler=_cmd_recover)
    rkey = sub.add_parser(
        "recovery-key",
        help="replace the recovery key (an administrator): a new one is printed once, the old one stops opening "
        "the database",
        description="For a recovery key lost (the first-run window closed before it was written down) or no "
        "longer safe. The database key is wrapped with a new recovery key, printed once; the old key no longer "
        "opens this database, but still opens backups made before. Audited. The other users' passwords are "
        "not affected.",
    )
    _sign_in_options(rkey)
    rkey.set_defaults(handler=_cmd_recovery_key)
    aud = sub.add_parser("audit", help="check the audit trail (verify) or export it (export)")
    aud_sub = aud.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    ver = aud_sub.add_parser(
        "verify",
        help="walk the audit trail's hash chain: exit 0 if intact, 1 naming the first event that fails",
        description="Every audit event carries a SHA-256 over its content and the previous event's hash. "
        "verify recomputes the whole chain and names the first event that was changed, deleted (missing), "
        "reordered or written outside CGA Desk. --anchor checks a hash printed on a report footer or codebook "
        "is still in the chain (events cut off the end).",
    )
    ver.add_argument("--newest", type=_positive, metavar="N", help="check only the N most recent events")
    ver.add_argument("--anchor", metavar="HEX", help="a hash prefix printed earlier (report footer, codebook)")
    _sign_in_options(ver)
    ver.set_defaults(handler=_cmd_audit)
    aexp = aud_sub.add_parser(
        "export",
        help="write the audit events (all, or those the filters select) to a CSV file",
        description="One row per event in the order they were recorded: id, time (UTC), user, action, entity, "
        "entity id, field, old and new value, reason, hash. The export itself is recorded in the audit trail.",
    )
    aexp.add_argument("--out", required=True, metavar="FILE.csv")
    aexp.add_argument("--patient", metavar="ID", help="a patient's events (its own, its visits', its reports')")
    aexp.add_argument("--by-user", metavar="NAME", help="one user's events (--user is who signs in)")
    aexp.add_argument("--action", metavar="ACTION", help="one action (answer, sign, amend, disclose, export, ...)")
    aexp.add_argument("--from", dest="since", metavar="DATE", help="from this day (YYYY-MM-DD, UTC)")
    aexp.add_argument("--to", dest="until", metavar="DATE", help="to this day, inclusive (YYYY-MM-DD, UTC)")
    aexp.add_argument("--exact", action="store_true", help="text exactly as stored (no leading ' before =, +, -, @)")
    _sign_in_options(aexp)
    aexp.set_defaults(handler=_cmd_audit_export)
    return parser


def _escape_unencodable_output() -> None:
    """A console that cannot encode a name (PYTHONIOENCODING=ascii, a Windows code page) shows it
    escaped (\\u00e9) instead of crashing half-way through the output (issue 14)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream that cannot be reconfigured
                pass


def main(argv: Sequence[str] | None = None) -> int:
    from .domain.privacy import private_umask

    private_umask()  # every file written from here on is 0600, every folder 0700 (POSIX; issue 15)
    _escape_unencodable_output()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        return _self_test()
    handler = getattr(args, "handler", None)
    if handler is None:  # no sub-command: the window
        from .app import run_gui

        return run_gui(
            args.db,
            exit_when_ready=args.exit_when_ready,
            user=args.user,
            password_file=args.password_file,
            language=args.lang,
        )
    from . import i18n

    i18n.set_language(args.lang or i18n.system_language())
    try:
        status = int(handler(args))
        sys.stdout.flush()  # inside the try: a reader that left (`| head`) shows up here, not at exit
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_ENVIRONMENT
    except Exception as error:
        message = _database_trouble(error)
        if message is None:
            raise  # a bug: its traceback is what a maintainer needs
        print(f"cga-desk {args.command}: {message}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    return status


def _silence_stdout() -> None:
    """The reader of our output has gone: point stdout at devnull so that Python's flush at exit does not
    print a second BrokenPipeError (the recipe of the Python docs, "Note on SIGPIPE")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests capturing output): nothing to flush
        pass


def _database_trouble(error: BaseException) -> str | None:
    """The one-line message for a database that timed out, is locked or went away mid-command (a
    lock held past the busy timeout, a lost server); None for anything else. Nothing was written:
    every change is one transaction."""
    if "sqlalchemy" not in sys.modules:
        return None
    from sqlalchemy import exc

    if not isinstance(error, exc.OperationalError | exc.InterfaceError):
        return None
    from .persistence.uow import describe_storage_error

    return describe_storage_error(error)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
