"""`cga-desk` command line: the sub-commands, and the window when none is given.

Every import below a sub-command is lazy: `cga-desk score` must never load Qt, SQLAlchemy or
pandas, so that it answers fast in scripts and on servers.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

EXIT_OK, EXIT_ENVIRONMENT, EXIT_REFUSED = 0, 1, 2


def _cmd_score(args: argparse.Namespace) -> int:
    from .commands.score import run_score

    return run_score(args.file, sys.stdin, sys.stdout, sys.stderr)


def _cmd_import(args: argparse.Namespace) -> int:
    from .commands.store import run_import

    return run_import(args.db, args.file, sys.stdout, sys.stderr)


def _cmd_history(args: argparse.Namespace) -> int:
    from .commands.store import run_history

    return run_history(args.db, args.patient_id, args.json, sys.stdout, sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cga-desk",
        description="Geriatric assessment (Katz ADL, Lawton IADL, Charlson, IMWG frailty score) for haematology clinics.",
    )
    parser.add_argument("--db", metavar="URL", help="database URL or SQLite file (default: CGA_DESK_DB, "
                        "else cga-desk.sqlite3 in the user data folder)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    score = sub.add_parser(
        "score",
        help="score assessment documents (JSON, JSON Lines or -) and print the results",
        description="Score .json (one document), .jsonl (one per line) or - (standard input). "
        "Refused input exits with status 2 and a message naming the field.",
    )
    score.add_argument("file", metavar="FILE", help="a .json or .jsonl file, or - for standard input")
    score.set_defaults(handler=_cmd_score)
    imp = sub.add_parser("import", help="import visit records (JSON Lines) into the database, one transaction per file")
    imp.add_argument("file", metavar="FILE.jsonl")
    imp.set_defaults(handler=_cmd_import)
    hist = sub.add_parser("history", help="a patient's visits with change from baseline")
    hist.add_argument("patient_id", metavar="PATIENT_ID")
    hist.add_argument("--json", action="store_true", help="print the history document (JSON)")
    hist.set_defaults(handler=_cmd_history)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_OK
    return int(handler(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
