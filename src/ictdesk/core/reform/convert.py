"""An import keyed by units before 1 July 2025: each value kept, and converted, never silently.

:class:`OldUnitImport` is a stage over the rows the readers yield (``import_files(...,
old_units=OldUnitImport())``). Every row's unit is read in the old register; the row goes on
to the usual checks under its historical unit (``old:19564``), which holds the figure as
reported, outside the new units' roll-ups. Then, after the last file, the values of the new
units are made:

- a new commune's count is the sum of its old communes' counts, written only when every one
  of them is present for that indicator and period (else a warning lists what is missing);
- an old commune split between new communes is refused (a blocking problem listing them)
  unless :class:`SplitRule` ``AREA`` or ``PRINCIPAL`` is chosen; its values are then
  estimates, which the comment and the audit detail say;
- an old province's total goes to the new province only with all its old provinces;
- an old district's figures stay with the district (they cannot be divided among communes).

Rates are never imported: ictdesk derives them, Σ numerator / Σ denominator of the parts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ictdesk.core.errors import InvalidPeriod
from ictdesk.core.exchange.import_report import ImportReport, Problem
from ictdesk.core.exchange.readers import COLUMN_OF, Read
from ictdesk.core.exchange.row_checks import location, timestamp
from ictdesk.core.numbers import ValueType, format_number
from ictdesk.core.periods import Period, canonical_period
from ictdesk.core.reform import wording
from ictdesk.core.reform.crosswalk import SplitRule, apportion, crosswalk
from ictdesk.core.reform.register import OldUnit, begins_before_reform, old_register
from ictdesk.core.store import NOT_GIVEN, ValueStore
from ictdesk.core.units import UnitLevel, gso_code, history_code


@dataclass(frozen=True, slots=True)
class _Old:
    """An old unit a file names, read once: its historical code and where its values go."""

    unit: OldUnit
    history_code: str
    split: bool
    shares: dict[str, float]  # new commune -> share, under the chosen rule


@dataclass(frozen=True, slots=True)
class _Part:
    """One old unit's share of a new unit's value: the share itself and where it came from."""

    value: int | float
    split: float | None  # the share of a split old commune this new commune got, else None
    when: datetime
    file: str


class OldUnitImport:
    """The conversion stage of one import (see the module's description)."""

    def __init__(self, split: SplitRule | str = SplitRule.REFUSE):
        self.split = SplitRule(split)
        self.converted_values = 0
        self.estimated_values = 0
        self.refused_splits: dict[str, tuple[str, int | str]] = {}  # old code -> first place

    # ------------------------------------------------------------- the hook
    def begin(self, store: ValueStore, report: ImportReport) -> None:
        """Start a run (inside the import's batch: the units it adds are part of it)."""
        self.store, self.report = store, report
        self.register, self.crosswalk = old_register(), crosswalk()
        self.catalogue = store.catalogue
        self.seeded = {gso_code(u.code) for u in store.historical_roots()}
        self.communes: dict[tuple[str, str, str], dict[str, _Part]] = defaultdict(dict)
        self.provinces: dict[tuple[str, str, str], dict[str, _Part]] = defaultdict(dict)
        self.bad_places: set[tuple[str, int | str]] = set()
        self.notes: dict[tuple[str, str], int] = defaultdict(int)  # (file, kind) -> values
        self._limits: dict[str, tuple] = {}
        self._periods: dict[str, tuple[str | None, bool]] = {}
        self._needed: dict[str, list[str]] = {}
        self._units: dict[str, _Old | bool] = {}

    def rows(self, rows: Iterable[Read], path: Path) -> Iterator[Read]:
        """One file's rows under their historical units; their shares are kept for
        :meth:`converted`. A code the old register lacks is a blocking problem."""
        saved = datetime.fromtimestamp(path.stat().st_mtime, UTC)
        for row in rows:
            file, place, _, unit_text, code, period, value, _c, _w, when, _flag, owner = row[:12]
            if owner is not None:  # a fill-in template is made for current units
                self._problem(
                    file,
                    place,
                    "unit",
                    "a fill-in template holds current units: import it without the old-units"
                    " choice",
                    "biểu mẫu nhập liệu chứa đơn vị hiện hành: hãy nhập mà không chọn đơn vị cũ",
                    once_per_file=True,
                )
                continue
            old = self._units.get(unit_text)
            if old is None:
                old = self._read_unit(unit_text)
            if old is False:
                self._problem(
                    file,
                    place,
                    "unit",
                    f"not a unit code before 1 July 2025: {unit_text!r}",
                    f"mã đơn vị trước 01/7/2025 không tồn tại: {unit_text!r}",
                )
                continue
            yield (file, place, row[2], old.history_code, *row[4:])
            if value is not None:
                self._collect(old, code, period, value, when, saved, file, place)

    def converted(self) -> Iterator[tuple[str, list[tuple]]]:
        """(audit detail, staging rows) of the new units' values, after the last file."""
        self._report_refused_splits()
        yield from self._new_communes()
        yield from self._new_provinces()
        self._report_notes()

    def summary(self, language: str = "en", dry_run: bool = False) -> str:
        """What the conversion made (staged: written unless the import is rejected or a dry
        run), for the command line and the dialog."""
        converted = format_number(self.converted_values, language=language)
        estimated = format_number(self.estimated_values, language=language)
        if language == "vi":
            verb = "sẽ quy đổi" if dry_run else "quy đổi"
            return f"{verb} sang đơn vị mới: {converted} giá trị ({estimated} giá trị ước tính)"
        verb = "would convert" if dry_run else "converted"
        return f"{verb} to the new units: {converted} values ({estimated} estimated)"

    # ------------------------------------------------------------ collecting
    def _read_unit(self, text: str):
        """The old unit a file's code means (False if none), its province's historical units
        added to the database the first time (read once per distinct code)."""
        old = self.register.read(gso_code(text))
        if old is None:
            self._units[text] = False
            return False
        province = self.register.province_of(old.code)
        if province not in self.seeded:
            units = [unit.as_unit() for unit in self.register.subtree(province)]
            self.store.add_historical_units(units)
            self.seeded.add(province)
        split = self.crosswalk.is_split(old.code)
        shares = self.crosswalk.shares(old.code, self.split)
        self._units[text] = found = _Old(old, history_code(old.code), split, shares)
        return found

    def _collect(self, old, code, period, value, when, saved, file, place) -> None:
        indicator = self._indicator(code, value)
        if indicator is None:
            return  # the checks that follow say what is wrong with the row itself
        period, before = self._period(period)
        if period is None:
            return
        try:
            moment = timestamp(when) if when else saved
        except ValueError:
            return
        if not before:
            self.notes[(file, "after")] += 1
        if indicator.value_type is ValueType.PERCENT:
            self.notes[(file, f"percent:{code}")] += 1
            return
        unit, split, shares = old.unit, old.split, old.shares
        if unit.level is UnitLevel.PROVINCE:
            new = self.crosswalk.provinces[unit.code]
            self.provinces[(new, code, period)][unit.code] = _Part(value, None, moment, file)
            return
        if unit.code not in self.crosswalk.targets:  # a district that had communes
            self.notes[(file, "district")] += 1
            return
        if split and self.split is SplitRule.REFUSE:
            self.refused_splits.setdefault(unit.code, (file, place))
            return
        if not split:
            (new,) = shares
            self.communes[(new, code, period)][unit.code] = _Part(value, None, moment, file)
            return
        pieces = _divide(value, list(shares.values()), indicator.value_type)
        for (new, share), piece in zip(shares.items(), pieces, strict=True):
            self.communes[(new, code, period)][unit.code] = _Part(piece, share, moment, file)

    def _indicator(self, code: str, value):
        """The entered indicator ``code`` if ``value`` is fit for it, else None."""
        limits = self._limits.get(code)
        if limits is None:
            if code not in self.catalogue or self.catalogue[code].is_derived:
                return None
            indicator = self.catalogue[code]
            low, high = indicator.minimum, indicator.maximum
            limits = self._limits[code] = (indicator, low, high)
        indicator, low, high = limits
        if (
            value != value
            or (low is not None and value < low)
            or (high is not None and value > high)
        ):
            return None  # (NaN, or out of range: the row checks word it)
        if indicator.value_type is ValueType.INTEGER and value != int(value):
            return None
        return indicator

    def _period(self, text: str) -> tuple[str | None, bool]:
        """The canonical period of ``text`` (None if it is none) and whether it begins
        before 1 July 2025 (read once per distinct text)."""
        found = self._periods.get(text)
        if found is None:
            try:
                period = canonical_period(text)
                found = (period, begins_before_reform(Period.parse(period)))
            except InvalidPeriod:
                found = (None, False)
            self._periods[text] = found
        return found

    # -------------------------------------------------------------- writing
    def _new_communes(self) -> Iterator[tuple[str, list[tuple]]]:
        missing: dict[tuple[str, tuple[str, ...]], list[tuple[str, str, str]]] = defaultdict(list)
        groups: dict[str, list[tuple]] = defaultdict(list)
        for (new, code, period), parts in self.communes.items():
            needed = self._needed.get(new)
            if needed is None:
                needed = self._needed[new] = self.crosswalk.parts_of(new, self.split)
            absent = tuple(o for o in needed if o not in parts and o not in self.refused_splits)
            if absent:
                first = next(iter(parts.values()))
                missing[(new, absent)].append((code, period, first.file))
                continue
            if any(o in self.refused_splits for o in needed):
                continue  # refused above, as a blocking problem
            ordered = [parts[o] for o in needed]
            splits = {o: parts[o].split for o in needed if parts[o].split is not None}
            detail = wording.audit_detail(
                sorted({p.file for p in ordered}), needed, splits, self.split.value
            )
            comment = NOT_GIVEN
            if splits:
                names = {o: (self.register[o].name, share) for o, share in splits.items()}
                comment = wording.estimate_comment(names, self.split.value)
                self.estimated_values += 1
            groups[detail].append(_staging(new, code, period, ordered, comment))
            self.converted_values += 1
        yield from groups.items()
        for (new, absent), values in missing.items():
            self._missing_problem(new, absent, values)

    def _new_provinces(self) -> Iterator[tuple[str, list[tuple]]]:
        groups: dict[str, list[tuple]] = defaultdict(list)
        missing: dict[tuple[str, tuple[str, ...]], list[tuple[str, str, str]]] = defaultdict(list)
        for (new, code, period), parts in self.provinces.items():
            needed = self.crosswalk.old_provinces[new]
            absent = tuple(o for o in needed if o not in parts)
            if absent:
                missing[(new, absent)].append((code, period, next(iter(parts.values())).file))
                continue
            ordered = [parts[o] for o in needed]
            detail = wording.audit_detail(sorted({p.file for p in ordered}), needed, {}, "")
            groups[detail].append(_staging(new, code, period, ordered, NOT_GIVEN))
            self.converted_values += 1
        yield from groups.items()
        for (new, absent), values in missing.items():
            self._missing_problem(new, absent, values)

    # ------------------------------------------------------------- problems
    def _problem(self, file, place, field, reason, reason_vi, once_per_file=False) -> None:
        key = (file, "" if once_per_file else place)
        if key in self.bad_places:
            return
        self.bad_places.add(key)
        column = COLUMN_OF.get(self.report.formats.get(file, ""), {}).get(field, "")
        self.report.problems.append(Problem(file, location(place), column, reason, True, reason_vi))

    def _report_refused_splits(self) -> None:
        for old, (file, place) in sorted(self.refused_splits.items()):
            unit = self.register[old]
            targets = self.crosswalk.targets[old]
            names = ", ".join(self._new_label(t.new_code) for t in targets)
            principal = next(self._new_label(t.new_code) for t in targets if t.principal)
            self.report.problems.append(
                Problem(
                    file,
                    location(place),
                    "",
                    f"{wording.unit_label(unit.name, old)} was split on 1 July 2025 between"
                    f" {names}: its figures are converted only when you choose how to divide"
                    f" them (by area share, or all to the principal new commune {principal})",
                    True,
                    f"{wording.unit_label(unit.name, old)} đã được chia cho nhiều đơn vị mới từ"
                    f" 01/7/2025: {names}; số liệu của đơn vị này chỉ được quy đổi khi chọn cách"
                    f" chia (theo tỷ lệ diện tích, hoặc tính hết cho đơn vị mới chính"
                    f" {principal})",
                )
            )

    def _missing_problem(self, new: str, absent: tuple[str, ...], values) -> None:
        unit = self._new_label(new)
        names = ", ".join(wording.unit_label(self.register[o].name, o) for o in absent)
        span = wording.periods_span(list({period for _, period, _ in values}))
        count = len(values)
        self.report.problems.append(
            Problem(
                values[0][2],
                "",
                "",
                f"{unit}: {count} value{'' if count == 1 else 's'} ({span}) not converted: the"
                f" figures of the old {names} are missing",
                False,
                f"{unit}: {count} giá trị ({span}) không được quy đổi vì thiếu số liệu của"
                f" đơn vị cũ {names}",
            )
        )

    def _report_notes(self) -> None:
        for (file, kind), count in sorted(self.notes.items()):
            if kind == "district":
                reason = (
                    f"{count} values of old districts are kept under the units before 1 July"
                    " 2025 only: a district's figures cannot be divided among the new communes",
                    f"{count} giá trị của huyện cũ chỉ được lưu ở đơn vị trước 01/7/2025: số"
                    " liệu cấp huyện không chia được cho các xã mới",
                )
            elif kind == "after":
                reason = (
                    f"{count} values are of periods from 1 July 2025 on, when these old units no"
                    " longer existed; they are converted like the others",
                    f"{count} giá trị thuộc kỳ từ 01/7/2025 trở đi, khi các đơn vị cũ này không"
                    " còn; chúng vẫn được quy đổi như các giá trị khác",
                )
            else:
                code = kind.split(":", 1)[1]
                reason = (
                    f"{code} is a percentage: {count} values kept under the old units, not added"
                    " up into the new ones",
                    f"{code} là tỷ lệ phần trăm: {count} giá trị chỉ lưu ở đơn vị cũ, không cộng"
                    " dồn sang đơn vị mới",
                )
            self.report.problems.append(Problem(file, "", "", reason[0], False, reason[1]))

    def _new_label(self, code: str) -> str:
        try:
            return wording.unit_label(self.store.unit(code).name, code)
        except KeyError:
            return code


def _divide(value: int | float, shares: list[float], value_type: ValueType) -> list:
    """``value`` divided in ``shares``: whole parts for a count (see :func:`apportion`)."""
    if len(shares) == 1 and shares[0] == 1.0:
        return [value]
    if value_type is ValueType.INTEGER and float(value).is_integer() and value >= 0:
        return apportion(int(value), shares)
    return [value * share for share in shares]


def _staging(unit: str, code: str, period: str, parts: list[_Part], comment):
    """A staging row (see ``ValueStore.stage_values``) of a value made of ``parts`` (no place
    in a file: its audit detail names the file and the old units)."""
    total = sum(p.value for p in parts)
    if isinstance(total, float) and total.is_integer():
        total = int(total)
    newest = max(p.when for p in parts)
    stamp = newest.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return (unit, code, period, total, comment, NOT_GIVEN, stamp, NOT_GIVEN, "")
