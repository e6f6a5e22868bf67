"""Timing helpers shared by the benchmarks: whole commands, medians, a machine line."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable

# The benchmarks' windows remember places in settings of their own, never the user's
# (Qt on Linux keeps them under XDG_CONFIG_HOME; children inherit it).
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="ictdesk-bench-config-"))


def machine() -> str:
    """One line describing this computer."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            model = next(
                (line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")),
                platform.processor(),
            )
    except OSError:
        model = platform.processor()
    system = f"{platform.system()} {platform.release()}"
    return f"{model}, {os.cpu_count()} cores, {system}, Python {platform.python_version()}"


def median_seconds(
    run: Callable[[], object], repeat: int = 5, before: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``run()`` over ``repeat`` runs (``before()`` untimed each time)."""
    times = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def paired_medians(
    run: Callable[[], object],
    reference: Callable[[], object],
    repeat: int = 7,
    before: Callable[[], object] | None = None,
) -> tuple[float, float]:
    """Medians of ``run()`` and of ``reference()``, timed in turns (``before()`` untimed before
    each ``run()``): on a shared machine a busy moment then slows both, not one of them."""
    ours, theirs = [], []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        run()
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        reference()
        theirs.append(time.perf_counter() - started)
    return statistics.median(ours), statistics.median(theirs)


def command(*args: str, shell: bool = False, env: dict | None = None) -> Callable[[], None]:
    """A callable running one command to completion (output discarded, failure raised)."""

    def run() -> None:
        subprocess.run(
            args[0] if shell else list(args),
            shell=shell,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, **(env or {})},
        )

    return run


def row(
    figure: str, value: float, reference: float, budget: str, holds: bool, unit: str = "s"
) -> str:
    """One line of the results table."""
    ratio = value / reference if reference else float("nan")
    return (
        f"| {figure} | {value:.3f} {unit} | {reference:.3f} {unit} | {ratio:.2f} | {budget} |"
        f" {'yes' if holds else 'NO'} |"
    )


HEADER = (
    "| figure | median | reference (same run) | ratio | budget | holds |\n|---|---|---|---|---|---|"
)
