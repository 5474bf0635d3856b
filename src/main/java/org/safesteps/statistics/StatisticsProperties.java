package org.safesteps.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param k the threshold: a count under k is published as suppressed; never below 5
 * @param passMark the quiz score, in percent, from which an attempt counts as passed
 * @param cachedDays how many days of counters are kept in memory; each is checked against its
 * version on every read, so a larger cache only saves reading unchanged days again
 * @param epsilon the privacy loss of one public release: its counts carry Laplace noise of scale
 * 1/epsilon
 * @param budgetPerPeriod the most privacy loss spent on the public releases of one country's month
 */
@ConfigurationProperties("safesteps.statistics")
record StatisticsProperties(@DefaultValue("10") int k, @DefaultValue("70") int passMark,
		@DefaultValue("5000") int cachedDays,
		@DefaultValue("0.5") double epsilon, @DefaultValue("1.5") double budgetPerPeriod) {

	StatisticsProperties {
		if (k < 5) {
			throw new IllegalArgumentException("safesteps.statistics.k must be at least 5, not " + k);
		}
		if (passMark < 1 || passMark > 100) {
			throw new IllegalArgumentException("safesteps.statistics.pass-mark must be from 1 to 100, not " + passMark);
		}
		if (!(epsilon > 0 && epsilon <= 10)) {
			throw new IllegalArgumentException("safesteps.statistics.epsilon must be above 0 and at most 10, not " + epsilon);
		}
		if (!(budgetPerPeriod >= epsilon)) {
			throw new IllegalArgumentException(
					"safesteps.statistics.budget-per-period must be at least epsilon (" + epsilon + "), not " + budgetPerPeriod);
		}
	}

}
