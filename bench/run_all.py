"""Run every benchmark and write bench/RESULTS.md (figure, median, reference, ratio, budget).

python3 bench/run_all.py        (builds the province database on first use, and the two
                                 national ones: 1.9M values for the trends bench, about a
                                 minute, and 16.2M for the national bench, about four)
"""

from __future__ import annotations

import datetime
import importlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

from timing import HEADER, machine

HERE = Path(__file__).resolve().parent
BENCHES = (
    "bench_startup",
    "bench_exchange",
    "bench_report",
    "bench_trends",
    "bench_national",  # builds national16.db, which bench_province's national rows read
    "bench_province",
)


# Two references are other programs: the sqlite3 shell (import and export) and LibreOffice
# (the printed sheet). Debian's packages, installed here when missing, as CI does poppler.
TOOLS = {"sqlite3": "sqlite3", "libreoffice": "libreoffice-calc-nogui"}


def install_missing_tools() -> None:
    missing = [package for tool, package in TOOLS.items() if not shutil.which(tool)]
    if not missing:
        return
    if not shutil.which("apt-get"):
        sys.exit(f"run_all needs {', '.join(missing)} (the references of two benchmarks)")
    print(f"installing {', '.join(missing)}…", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, capture_output=True)


def main() -> int:
    install_missing_tools()
    lines, notes = [], []
    for name in BENCHES:
        if not (HERE / f"{name}.py").exists():
            continue
        started = time.perf_counter()
        print(f"running {name}…", file=sys.stderr)
        for line in "\n".join(importlib.import_module(name).main()).splitlines():
            if line.startswith("|"):
                if line not in HEADER.splitlines():
                    lines.append(line)
            else:
                notes.append(f"- {line}")
        print(f"  {time.perf_counter() - started:.0f} s", file=sys.stderr)
    text = "\n".join(
        [
            "# Benchmark results",
            "",
            f"Measured {datetime.date.today().isoformat()} on: {machine()}.",
            "Medians of several runs; every reference is measured in the same run.",
            "",
            *notes,
            "",
            HEADER,
            *lines,
            "",
        ]
    )
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
