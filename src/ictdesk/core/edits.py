"""The one policy for values people type or paste, in the form and in the grid.

:func:`plan_edits` reads each typed text with the one number reader, refuses what can never
be stored (not a number, a fraction in a count, out of range, a computed rate), sets apart what
reads two ways, finds the rules a change breaks with the unit-period's other values merged in,
and names the unit-periods marked complete. It refuses a value for a period whose value is
made of the unit's months or quarters (``store.coverage``): stored, it would hide them in
every sum. It writes nothing: each caller acts on the plan, and its policy stays visible where
it is called (the form asks, the grid refuses; git-cola's commands keep their logic out of
widgets the same way). Imports read files with the same
reader and refuse with the same checks (``exchange.readers``, ``exchange.row_checks``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ictdesk.core.catalogue import Indicator
from ictdesk.core.errors import InvalidNumber, NotAWholeNumber, SeveralValues
from ictdesk.core.numbers import Convention, ParsedNumber, read_number
from ictdesk.core.periods import Period
from ictdesk.core.store import PeriodCover, ValueStore, ValueWrite
from ictdesk.core.validation import Violation, refusal

Key = tuple[str, str]  # (unit code, indicator code)


@dataclass(frozen=True)
class Cell:
    """One typed (or pasted) text for one unit's indicator."""

    unit_code: str
    indicator_code: str
    text: str

    @property
    def key(self) -> Key:
        return self.unit_code, self.indicator_code


@dataclass(frozen=True)
class Refusal:
    """Why a text can never be saved as typed, in English and Vietnamese.

    ``kind``: "number" (not a number), "whole" (a fraction in a count), "several" (several
    values in one cell), "range" (out of range, too large), "computed" (a rate), "cell" (no
    such unit or indicator), "made" (a period whose value is made of its sub-periods).
    """

    kind: str
    reason_en: str
    reason_vi: str

    def message(self, language: str = "vi") -> str:
        return self.reason_vi if language == "vi" else self.reason_en


@dataclass(frozen=True)
class CellProblem:
    """A cell whose text can never be saved as typed."""

    cell: Cell
    refusal: Refusal

    def message(self, language: str = "vi") -> str:
        return self.refusal.message(language)


@dataclass
class EditPlan:
    """What saving some cells of one period would do; nothing is written until the caller
    saves :meth:`writes`.

    ``refused``: never saved as typed. ``ambiguous``: reads two ways — the caller asks which
    (:meth:`choose`) or refuses. ``to_explain``: blocking rule violations, saved only with an
    explanation (:meth:`explain`). ``complete``: units whose period is marked complete.
    ``warnings``: what deserves a look but does not stop a save (outliers, minor rules).
    """

    period: str
    cells: list[Cell]
    values: dict[Key, int | float | None] = field(default_factory=dict)
    refused: list[CellProblem] = field(default_factory=list)
    ambiguous: list[tuple[Cell, ParsedNumber]] = field(default_factory=list)
    to_explain: list[tuple[Cell, list[Violation]]] = field(default_factory=list)
    warnings: list[Violation] = field(default_factory=list)
    complete: list[str] = field(default_factory=list)
    comments: dict[Key, str] = field(default_factory=dict)

    @property
    def unexplained(self) -> list[tuple[Cell, list[Violation]]]:
        return [(cell, found) for cell, found in self.to_explain if cell.key not in self.comments]

    @property
    def ready(self) -> bool:
        """Whether :meth:`writes` may be saved as they are (completion aside)."""
        return not self.refused and not self.ambiguous and not self.unexplained

    def explain(self, cell: Cell, comment: str) -> None:
        """Save ``cell`` with ``comment`` explaining why its broken rules are right."""
        self.comments[cell.key] = comment

    def writes(self) -> list[ValueWrite]:
        """The writes of every cell that was read (an explained cell carries its comment)."""
        return [
            ValueWrite(unit, code, self.period, value, self.comments.get((unit, code)))
            for (unit, code), value in self.values.items()
        ]


_KIND_OF_ERROR = {NotAWholeNumber: "whole", SeveralValues: "several"}


def clipboard_block(text: str) -> list[list[str]]:
    """Rows of cells of text copied from a spreadsheet: lines split at CR LF, LF or CR, cells at
    tabs; the line break a spreadsheet puts after the last row is not a row. Cells are kept
    as they are (the number reader ignores the whitespace around a number)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def read_cell(
    indicator: Indicator, text: str, convention: Convention
) -> tuple[ParsedNumber | None, Refusal | None]:
    """``text`` read for ``indicator``: (the reading, None), or (None, why) when it can never
    be saved as typed. An ambiguous reading comes back as it is (its range is checked once a
    reading is chosen)."""
    if indicator.is_derived:
        return None, Refusal(
            "computed",
            "rates are computed from other indicators, not typed",
            "tỷ lệ được tính từ các chỉ tiêu khác, không nhập trực tiếp",
        )
    try:
        parsed = read_number(text, indicator.value_type, convention)
    except InvalidNumber as exc:
        kind = _KIND_OF_ERROR.get(type(exc), "number")
        return None, Refusal(kind, str(exc), exc.vi or str(exc))
    if not parsed.ambiguous:
        refused = _value_refusal(indicator, parsed.value)
        if refused is not None:
            return None, refused
    return parsed, None


def made_of_sub_periods(period: str, first: str, last: str) -> Refusal:
    """Why a value is not typed for a period whose value is made of the periods ``first`` to
    ``last`` within it (its months, quarters or halves): stored, it would replace them in
    every total; they are where it changes. The form and the grid say the same beside it."""
    shown, start, end = Period.parse(period), Period.parse(first), Period.parse(last)
    return Refusal(
        "made",
        f"{shown.label('en')} is made of {start.label('en')} to {end.label('en')} here:"
        " change those instead",
        f"{shown.label('vi')} được tính từ số liệu {start.label('vi')} đến {end.label('vi')}:"
        " hãy sửa ở các kỳ đó",
    )


def _value_refusal(indicator: Indicator, value: float | None) -> Refusal | None:
    found = refusal(indicator, value)
    if found is None:
        return None
    return Refusal("whole" if found.kind == "type" else "range", found.message_en, found.message_vi)


def typed_values(
    indicators: Iterable[Indicator], texts: Mapping[str, str], convention: Convention
) -> dict[str, int | float | None]:
    """The values typed texts stand for, where they could be saved as they are: a text that
    is not a number, reads two ways or is out of range counts as no value (so a rate is never
    shown from a value that will not be stored)."""
    values: dict[str, int | float | None] = {}
    for indicator in indicators:
        parsed, problem = read_cell(indicator, texts.get(indicator.code, ""), convention)
        values[indicator.code] = (
            parsed.value if parsed is not None and not parsed.ambiguous and not problem else None
        )
    return values


def plan_edits(
    store: ValueStore,
    period: str,
    cells: list[Cell],
    convention: Convention,
    *,
    chosen: Mapping[Key, int | float | None] | None = None,
    current: Mapping[str, Mapping[str, float | None]] | None = None,
) -> EditPlan:
    """The plan of saving ``cells`` (typed in ``convention``) for ``period``.

    ``chosen``: readings the user already picked for ambiguous cells. ``current``: per unit,
    the values its other indicators hold as the caller shows them (the form's typed texts);
    the stored values otherwise. Rules are checked with the new values merged in, and only
    the violations a changed value takes part in count.
    """
    catalogue = store.catalogue
    plan = EditPlan(period, list(cells))
    chosen = chosen or {}
    units = store.unit_codes()
    covers = store.coverage(period, sorted({c.unit_code for c in cells if c.unit_code in units}))
    for cell in cells:
        indicator = catalogue.get(cell.indicator_code)
        if indicator is None or cell.unit_code not in units:
            refused = Refusal("cell", "this cell cannot be edited", "không sửa được ô này")
            plan.refused.append(CellProblem(cell, refused))
            continue
        if cell.key in chosen:  # the reading the user picked: still checked for range
            refused = _value_refusal(indicator, chosen[cell.key])
            if refused is not None:
                plan.refused.append(CellProblem(cell, refused))
            else:
                plan.values[cell.key] = chosen[cell.key]
            continue
        parsed, problem = read_cell(indicator, cell.text, convention)
        cover = covers[cell.unit_code]
        made = problem is None and not cover.may_type(cell.indicator_code)
        if made and parsed.value is not None:
            problem = made_of_sub_periods(period, *cover.made_from[cell.indicator_code])
        if problem is not None:
            plan.refused.append(CellProblem(cell, problem))
        elif parsed.ambiguous:
            plan.ambiguous.append((cell, parsed))
        else:
            plan.values[cell.key] = parsed.value
    _check_rules(store, plan, current, covers)
    return plan


def _check_rules(
    store: ValueStore,
    plan: EditPlan,
    current: Mapping[str, Mapping[str, float | None]] | None,
    covers: Mapping[str, PeriodCover],
) -> None:
    by_unit: dict[str, dict[str, int | float | None]] = {}
    for (unit, code), value in plan.values.items():
        by_unit.setdefault(unit, {})[code] = value
    if not by_unit:
        return
    rules = store.rules()
    previous = store.previous_checked({(unit, plan.period) for unit in by_unit})
    cell_of = {cell.key: cell for cell in plan.cells}
    for unit, changes in by_unit.items():
        if store.is_complete(unit, plan.period):
            plan.complete.append(unit)
        if current is not None and unit in current:
            merged = dict(current[unit])
        else:
            merged = {code: v.value for code, v in store.values_for(unit, plan.period).items()}
        merged.update(changes)
        present = {
            code: value
            for code, value in covers[unit].checked(merged).items()  # whole months' values too
            if code in store.catalogue and not store.catalogue[code].is_derived
        }
        found = store.check(
            unit, plan.period, present, rules=rules, previous=previous[(unit, plan.period)]
        )
        blamed: dict[Key, list[Violation]] = {}
        for violation in found:
            involved = [code for code in violation.indicators if code in changes]
            if not involved:
                continue  # broken by values this edit does not touch
            if violation.kind in ("type", "range"):
                continue  # refused already, cell by cell
            if violation.blocking:
                blamed.setdefault((unit, involved[0]), []).append(violation)
            else:
                plan.warnings.append(violation)
        for key, violations in blamed.items():
            plan.to_explain.append((cell_of[key], violations))
