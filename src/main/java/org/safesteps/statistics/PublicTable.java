package org.safesteps.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Open participation data, with suppression and noise. */
record PublicTable(Metadata metadata, List<Row> rows) {

	/**
	 * @param noise how the counts were blurred
	 * @param epsilon the privacy loss of each release (a country, a month, a grouping)
	 * @param sensitivity the most one activity changes the counts of a release
	 * @param budgetPerPeriod the most privacy loss spent on one country's month
	 * @param spent the privacy loss spent so far on each country's month ({@code TH|2026-03})
	 */
	record Metadata(List<String> countries, String from, String to, String groupBy, List<String> columns, int k,
			String noise, double epsilon, int sensitivity, double budgetPerPeriod, Map<String, Double> spent,
			Instant generatedAt) {
	}

	/** @param values noisy counts; null where suppressed */
	@JsonInclude(value = JsonInclude.Include.ALWAYS, content = JsonInclude.Include.ALWAYS)
	record Row(String country, String period, Map<String, String> group, boolean total, Map<String, Long> values,
			List<String> suppressed) {
	}

}
