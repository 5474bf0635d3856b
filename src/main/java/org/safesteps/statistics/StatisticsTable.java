package org.safesteps.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A published table: its rows, and what a reader needs to use them rightly.
 */
record StatisticsTable(Metadata metadata, List<Row> rows) {

	/**
	 * @param from the first day of the first period (a requested range is widened to whole periods)
	 * @param to the last day of the last period
	 * @param filter categories the rows are limited to, such as a topic
	 * @param k counts under k are published as suppressed (null), and so are others where a total
	 * would reveal them
	 * @param suppressedCells how many values of the table are published as suppressed
	 * @param generatedAt when the table was made; counters change as activity arrives
	 * @param contentVersion the content version in service when the table was made
	 */
	record Metadata(String table, String country, LocalDate from, LocalDate to, String granularity,
			List<String> groupBy, Map<String, String> filter, List<String> columns, int k, int suppressedCells,
			Instant generatedAt, int contentVersion) {
	}

	/**
	 * One row: a period, a category of each grouped dimension (none on the period's total row),
	 * and the value of each column, null where suppressed.
	 *
	 * @param suppressed the columns published as suppressed in this row
	 */
	@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
	record Row(String period, Map<String, String> group, boolean total, Map<String, Number> values,
			List<String> suppressed) {
	}

}
