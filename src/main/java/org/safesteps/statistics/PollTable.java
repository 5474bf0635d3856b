package org.safesteps.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A poll's results as published. */
record PollTable(Metadata metadata, List<Row> rows) {

	/**
	 * @param groupBy the dimension results are broken down by, or null for totals only
	 * @param k counts under k are published as suppressed, and so are others where a total would
	 * reveal them
	 */
	record Metadata(String poll, LocalDate opens, LocalDate closes, List<String> countries, String groupBy, int k,
			int suppressedCells, Instant generatedAt, int contentVersion) {
	}

	/**
	 * One count. With no question it is the number who answered the poll; with a question and no
	 * option, the number who answered that question; with both, the number who chose the option.
	 *
	 * @param group the category of the grouped dimension; empty on a total row
	 * @param count null when suppressed
	 */
	@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
	record Row(String country, String question, String option, Map<String, String> group, boolean total, Long count,
			boolean suppressed) {
	}

}
