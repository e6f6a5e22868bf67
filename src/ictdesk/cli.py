"""The ``ictdesk`` command: the desktop app, and headless sub-commands over the same core.

Errors end with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ictdesk import __version__
from ictdesk.core.errors import IctdeskError

EXIT_ERROR = 1
EXIT_USAGE = 2
SUBCOMMANDS = ("init", "demo")


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ictdesk",
        description="ictdesk: digital-transformation statistics for Vietnamese local government.",
        epilog=f"Headless commands: {', '.join(SUBCOMMANDS)} (ictdesk COMMAND --help).",
    )
    parser.add_argument("--version", action="version", version=f"ictdesk {__version__}")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--db", type=Path, help="open this database file")
    source.add_argument("--demo", action="store_true", help="open the demo database")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="build and show the main window, process events, exit 0",
    )
    parser.add_argument("--lang", choices=("vi", "en"), help="interface language")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ictdesk")
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="create an empty database for a province")
    init.add_argument("--db", type=Path, required=True, help="path of the new database file")
    init.add_argument("--province", required=True, help="province code, e.g. 25 for Phú Thọ")
    init.add_argument("--commune", help="home commune code (optional), e.g. 08740")
    init.add_argument("--user", help="name recorded as stored_by on every change")
    demo = commands.add_parser("demo", help="create the demo database (Phú Thọ, 2021–2025)")
    demo.add_argument("--db", type=Path, required=True, help="path of the new database file")
    return parser


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"ictdesk: error: {message}", file=sys.stderr)
    return code


def cmd_init(args: argparse.Namespace) -> int:
    """Create an empty province database."""
    from ictdesk.core.database import create_database
    from ictdesk.core.units import official_communes, official_province

    province = official_province(args.province)
    settings = {"province_code": province.code}
    if args.commune:
        communes = {u.code: u for u in official_communes(province.code)}
        code = args.commune.strip().zfill(5)
        if code not in communes:
            return _fail(f"unknown commune code for {province.name}: {args.commune}")
        settings["home_commune"] = code
    if args.user:
        settings["stored_by"] = args.user
    create_database(args.db, settings)
    print(f"created {args.db} for {province.name} ({province.code})")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Create the demo database."""
    from ictdesk.core.demo import build_demo

    build_demo(args.db)
    print(f"created demo database {args.db}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ictdesk`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = _command_parser().parse_args(argv)
            handler = {"init": cmd_init, "demo": cmd_demo}[args.command]
            return handler(args)
        args = _gui_parser().parse_args(argv)
    except IctdeskError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    except SystemExit as exc:  # argparse: --help, --version or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    from ictdesk.gui.app import run_gui

    return run_gui(db=args.db, demo=args.demo, smoke_test=args.smoke_test, language=args.lang)
