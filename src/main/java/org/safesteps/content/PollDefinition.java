package org.safesteps.content;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A poll as the participation feature needs it, its strings in one locale. Policy polls are open
 * between two days to the countries and age bands they target; class-feedback polls belong to a
 * classroom module and are always open.
 *
 * @param countries the countries a policy poll targets; empty for a class-feedback poll (any)
 * @param opens first day open (UTC), or null for a class-feedback poll
 * @param closes last day open (UTC), or null for a class-feedback poll
 */
public record PollDefinition(String id, String purpose, String topic, String title, String policyQuestion,
		String askedBy, Set<String> countries, Set<String> ageBands, LocalDate opens, LocalDate closes,
		List<Question> questions, Localization localization) {

	public static final String POLICY = "policy";

	public boolean isPolicy() {
		return POLICY.equals(this.purpose);
	}

	/** Whether answers are taken on this day: between opens and closes, both included. */
	public boolean isOpenOn(LocalDate day) {
		return (this.opens == null || !day.isBefore(this.opens)) && (this.closes == null || !day.isAfter(this.closes));
	}

	public boolean hasClosedBy(LocalDate day) {
		return this.closes != null && day.isAfter(this.closes);
	}

	/** Whether a child of this country and age band is one the poll asks. */
	public boolean targets(String country, String ageBand) {
		return (this.countries.isEmpty() || this.countries.contains(country)) && this.ageBands.contains(ageBand);
	}

	/**
	 * @param type {@code single-choice}, {@code multiple-choice}, {@code rating}, {@code likert-5}
	 * (options "1" to "5") or {@code free-text} (no options)
	 * @param optional a child may leave it unanswered
	 */
	public record Question(String key, String type, String prompt, boolean optional, List<Option> options) {

		public boolean isFreeText() {
			return "free-text".equals(this.type);
		}

		public boolean takesSeveralOptions() {
			return "multiple-choice".equals(this.type);
		}

		/** Why these options do not answer this question, or null when they do. */
		public String optionsProblem(List<String> selected) {
			if (selected == null) {
				return "takes options";
			}
			Set<String> keys = this.options.stream().map(Option::key).collect(Collectors.toSet());
			for (String key : selected) {
				if (!keys.contains(key)) {
					return "has no option '" + key + "'";
				}
			}
			if (new HashSet<>(selected).size() != selected.size()) {
				return "names an option twice";
			}
			if (!takesSeveralOptions() && selected.size() != 1) {
				return "takes exactly one option";
			}
			return null;
		}

	}

	public record Option(String key, String text) {
	}

	/** How the poll was localised, as for every content item. */
	public record Localization(String locale, boolean fallback, String status, boolean stale) {
	}

}
