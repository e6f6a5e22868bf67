"""What the Trends tab draws: the lines of a trend with its targets, or a ranking."""

from __future__ import annotations

from ictdesk.core.catalogue import Indicator
from ictdesk.core.periods import Period, PeriodType, periods_of_year
from ictdesk.core.reform.register import reform_position
from ictdesk.core.series import compared_with_previous, ranking, trend
from ictdesk.gui.format import format_value
from ictdesk.gui.i18n import current_language
from ictdesk.gui.text import fill

_RANKING = "ranking"
DWARFED = 5  # a total this many times the largest commune drawn flattens their lines


class TrendDrawing:
    """Part of :class:`TrendsView`: building what the charts show."""

    def _draw_trend(self, indicator: Indicator) -> None:
        from ictdesk.gui.charts.trend_chart import Line, TargetSegment

        language = current_language()
        store = self.store
        communes = self.checked_codes()
        units = [self.parent_code, *communes] if self.total_shown() else communes
        table = trend(store, indicator.code, units, self.period_type())
        self.table = table
        periods = list(table.periods)
        self.targets = {}
        if periods:
            years = range(periods[0].year, periods[-1].year + 2)  # and the year ahead
            for year in years:
                target = store.target(indicator.code, self.parent_code, year)
                if target is not None:
                    self.targets[year] = target
            ahead = periods[-1].year + 1
            if ahead in self.targets:
                periods += periods_of_year(ahead, self.period_type())
        names = {
            code: self._names.get(code) or store.unit(code).name
            for code in [self.parent_code, *communes]
        }
        total_name = fill(self.tr("%1 (total)"), names[self.parent_code])
        in_part = None  # the total's last period, when it is not in full (a quarter in progress)
        if self.parent_code in units and table.periods:
            last = table.periods[-1]
            if compared_with_previous(store, indicator.code, self.parent_code, last).in_part:
                in_part = len(table.periods) - 1
        lines = []
        for code in units:
            values = list(table.values[code]) + [None] * (len(periods) - len(table.periods))
            name = total_name if code == self.parent_code else names[code]
            parent = code == self.parent_code
            lines.append(Line(code, name, values, parent, in_part if parent else None))
        segments = []
        for year, target in sorted(self.targets.items()):
            indexes = [i for i, p in enumerate(periods) if p.year == year]
            if indexes:
                label = fill(
                    self.tr("Target %1: %2"), str(year), format_value(indicator, target, language)
                )
                segments.append(TargetSegment(indexes[0], indexes[-1], target, label))

        def describe(line_index: int, period_index: int) -> str:
            line = lines[line_index]
            period = periods[period_index]
            text = (
                f"<b>{line.name}</b>\n{period.label(language)}: "
                f"{format_value(indicator, line.values[period_index], language)}"
            )
            if period_index == line.in_part:
                text += "\n" + self.tr("not in full yet: not compared with the period before")
            target = self.targets.get(period.year)
            if target is not None:
                text += "\n" + fill(
                    self.tr("Target %1: %2"),
                    str(period.year),
                    format_value(indicator, target, language),
                )
            return text

        self.chart.set_lines(
            [p.short_label(language) for p in periods],
            lines,
            segments,
            self.tr("Target"),
            indicator.unit(language),
            describe,
            fill(self.tr("%1 communes"), str(len(communes))),
        )
        self.chart.set_reform_marker(
            reform_position(periods), self.tr("1 July 2025: new administrative units")
        )
        if table.periods:
            span = f"{table.periods[0].label(language)} – {table.periods[-1].label(language)}"
            self.caption.setText(
                f"<b>{indicator.name(language)}</b> · {names[self.parent_code]} · {span}. "
                + self.tr("Drag to move, wheel to zoom; click a legend entry to hide its line.")
                + self._dwarfed_hint(table, communes)
            )
        else:
            self.caption.setText(f"<b>{indicator.name(language)}</b> · " + self._no_data_text())

    def _dwarfed_hint(self, table, communes: list[str]) -> str:
        """A hint to untick the total when it flattens the communes' lines (counts, sums)."""
        if not communes or self.parent_code not in table.values:
            return ""
        total = [v for v in table.values[self.parent_code] if v is not None]
        largest = [v for code in communes for v in table.values[code] if v is not None]
        if not total or not largest or max(total) <= DWARFED * max(max(largest), 0.0):
            return ""
        return " " + self.tr(
            "The total dwarfs the communes: untick it in the list to compare them on their own."
        )

    def _no_data_text(self) -> str:
        """Nothing to show for the chosen kind of period: say which kinds hold values."""
        shown = self.period_type()
        others = [
            self.type_box.itemText(i).lower()  # in a sentence
            for i in range(self.type_box.count())
            if self.type_box.itemData(i) != shown.value
            and self.store.latest_period(PeriodType(self.type_box.itemData(i))) is not None
        ]
        if not others:
            return self.tr("No data for this indicator yet.")
        return fill(
            self.tr("No values by %1; there are values by %2: choose it above."),
            self.type_box.currentText().lower(),
            ", ".join(others),
        )

    def _draw_ranking(self, indicator: Indicator) -> None:
        language = current_language()
        key = (indicator.code, self.period_type(), self.parent_code, current_language())
        if key != self._ranking_key:
            self._fill_ranking_periods()
            self._ranking_key = key
        iso = self.ranking_period_box.currentData()
        if iso is None:
            self.ranked = []
            self.ranking_period = None
            self.ranking_chart.set_bars([], [], [], None, "", indicator.unit(language))
            self.caption.setText(
                f"<b>{indicator.name(language)}</b> · " + self.tr("No data for this indicator yet.")
            )
            return
        period = Period.parse(iso)
        self.ranking_period = period
        self.ranked = ranking(self.store, indicator.code, self.parent_code, period)
        target = self.store.target(indicator.code, self.parent_code, period.year)
        self.targets = {period.year: target} if target is not None else {}
        checked = set(self.checked_codes())
        labels = [
            f"{r.rank or '–'}. {r.unit.name}  {format_value(indicator, r.value, language)}"
            if r.value is not None
            else f"{r.unit.name}  –"
            for r in self.ranked
        ]
        target_label = (
            fill(
                self.tr("Target %1: %2"),
                str(period.year),
                format_value(indicator, target, language),
            )
            if target is not None
            else ""
        )
        self.ranking_chart.set_bars(
            labels,
            [r.value for r in self.ranked],
            [r.unit.code in checked for r in self.ranked],
            target,
            target_label,
            indicator.unit(language),
        )
        known = [r for r in self.ranked if r.value is not None]
        text = (
            f"<b>{indicator.name(language)}</b> · {self.store.unit(self.parent_code).name} · "
            f"{period.label(language)}. "
            + fill(
                self.tr("%1 of %2 communes have a value."), str(len(known)), str(len(self.ranked))
            )
        )
        if target is not None:
            reached = sum(1 for r in known if r.value >= target)
            text += " " + fill(self.tr("%1 have reached the target."), str(reached))
        self.caption.setText(text)

    def _fill_ranking_periods(self) -> None:
        """The periods a ranking can show: those of the chosen type holding data."""
        current = self.ranking_period_box.currentData()
        blocked = self.ranking_period_box.blockSignals(True)
        self.ranking_period_box.clear()
        indicator = self.indicator()
        if indicator is not None and self.parent_code is not None:
            periods = trend(self.store, indicator.code, [self.parent_code], self.period_type())
            language = current_language()
            for period in reversed(periods.periods):
                self.ranking_period_box.addItem(period.label(language), period.iso)
            candidates = [current]
            if self._period is not None:  # else the period of the main window
                same = [p.iso for p in periods.periods if p == self._period]
                containing = [p.iso for p in periods.periods if p.contains(self._period)]
                candidates += same + containing
            found = [self.ranking_period_box.findData(c) for c in candidates if c]
            index = next((i for i in found if i >= 0), 0)  # else the latest
            self.ranking_period_box.setCurrentIndex(index)
        self.ranking_period_box.blockSignals(blocked)
