"""The ``ictdesk`` command: the desktop app, and headless sub-commands over the same core.

Errors end with one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from ictdesk import __version__
from ictdesk.commands import COMMANDS, MODULES
from ictdesk.core.errors import IctdeskError

EXIT_ERROR = 1
EXIT_USAGE = 2


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ictdesk",
        description="ictdesk: digital-transformation statistics for Vietnamese local government.",
        epilog=f"Headless commands: {', '.join(COMMANDS)} (ictdesk COMMAND --help).",
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
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        module = _command_module(name)
        module.add_arguments(subparsers.add_parser(name, help=module.HELP))
    return parser


def _command_module(name: str):
    return importlib.import_module(f"ictdesk.commands.{MODULES.get(name, name)}")


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"ictdesk: error: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``ictdesk`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            args = _command_parser().parse_args(argv)
            return _command_module(args.command).run(args)
        args = _gui_parser().parse_args(argv)
    except IctdeskError as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # the reader went away (``ictdesk check | head``): nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "))
    except SystemExit as exc:  # argparse: --help, --version or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    from ictdesk.gui.app import run_gui

    return run_gui(db=args.db, demo=args.demo, smoke_test=args.smoke_test, language=args.lang)
