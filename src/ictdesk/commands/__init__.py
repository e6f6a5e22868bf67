"""Headless sub-commands of ``ictdesk``; one module each.

A command module defines ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args)``,
which returns the exit code and raises :class:`~ictdesk.core.errors.IctdeskError` (or
``OSError``) for a one-line error. Heavy imports belong inside ``run``.
"""

COMMANDS = ("init", "demo", "export", "import", "template", "report", "backup", "check")
# a command whose name is a Python keyword lives in a module with a trailing underscore
MODULES = {"import": "import_"}
