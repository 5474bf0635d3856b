package org.safesteps.statistics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The periods counters are rolled up into at query time. Periods are whole calendar weeks
 * (ISO, from Monday), months, quarters or years: a requested range is widened to whole periods,
 * so that two ranges a day apart cannot be subtracted to single out one day.
 */
enum Granularity {

	WEEK, MONTH, QUARTER, YEAR;

	String parameter() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Granularity of(String parameter) {
		for (Granularity granularity : values()) {
			if (granularity.parameter().equals(parameter)) {
				return granularity;
			}
		}
		return null;
	}

	LocalDate start(LocalDate day) {
		return switch (this) {
			case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
			case MONTH -> day.withDayOfMonth(1);
			case QUARTER -> day.withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
			case YEAR -> day.withDayOfYear(1);
		};
	}

	LocalDate end(LocalDate day) {
		LocalDate start = start(day);
		return switch (this) {
			case WEEK -> start.plusDays(6);
			case MONTH -> start.plusMonths(1).minusDays(1);
			case QUARTER -> start.plusMonths(3).minusDays(1);
			case YEAR -> start.plusYears(1).minusDays(1);
		};
	}

	/** The period's label: 2026-W05, 2026-03, 2026-Q1 or 2026. */
	String label(LocalDate day) {
		return switch (this) {
			case WEEK -> String.format(Locale.ROOT, "%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
					day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			case MONTH -> String.format(Locale.ROOT, "%d-%02d", day.getYear(), day.getMonthValue());
			case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
			case YEAR -> String.valueOf(day.getYear());
		};
	}

	/** The periods from the one holding {@code from} to the one holding {@code to}. */
	List<Period> periods(LocalDate from, LocalDate to) {
		List<Period> periods = new ArrayList<>();
		for (LocalDate start = start(from); !start.isAfter(to); start = end(start).plusDays(1)) {
			periods.add(new Period(label(start), start, end(start)));
		}
		return periods;
	}

	/** One period: its label and its first and last day. */
	record Period(String label, LocalDate first, LocalDate last) {
	}

}
