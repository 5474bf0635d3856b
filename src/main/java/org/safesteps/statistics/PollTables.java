package org.safesteps.statistics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.safesteps.content.PollDefinition;
import org.springframework.stereotype.Component;

/**
 * A poll's results, per question and option, by one dimension (age band, region or gender), with
 * the same suppression as every other table: for each question a grid of options by category,
 * whose margins are the option totals and the number who answered in each category.
 */
@Component
class PollTables {

	private final CounterReader counters;

	private final Vocabulary vocabulary;

	private final ContentCatalog content;

	private final StatisticsProperties properties;

	private final Clock clock;

	PollTables(CounterReader counters, Vocabulary vocabulary, ContentCatalog content, StatisticsProperties properties,
			Clock clock) {
		this.counters = counters;
		this.vocabulary = vocabulary;
		this.content = content;
		this.properties = properties;
		this.clock = clock;
	}

	/** @param by the dimension to break results down by, or null for totals only */
	Mono<PollTable> table(PollDefinition poll, List<String> countries, Dimension by) {
		return Flux.fromIterable(countries)
			.concatMap(country -> this.counters.poll(poll.id(), country)
				.map(counts -> rows(poll, country, by, counts)))
			.collectList()
			.map(perCountry -> {
				List<PollTable.Row> rows = perCountry.stream().flatMap(List::stream).toList();
				int suppressed = (int) rows.stream().filter(PollTable.Row::suppressed).count();
				return new PollTable(new PollTable.Metadata(poll.id(), poll.opens(), poll.closes(), countries,
						(by != null) ? by.parameter() : null, this.properties.k(), suppressed, Instant.now(this.clock),
						this.content.contentVersion()), rows);
			});
	}

	private List<PollTable.Row> rows(PollDefinition poll, String country, Dimension by, Map<String, Long> counts) {
		Dimension dimension = (by != null) ? by : Dimension.AGE_BAND;
		List<String> categories = dimension.categories(country, this.vocabulary);
		int k = this.properties.k();
		List<PollTable.Row> rows = new ArrayList<>();
		long[] respondents = line(counts, PollCells.WHOLE_POLL, PollCells.ANSWERED, dimension, categories);
		boolean[] respondentsSuppressed = Suppression.protectLine(respondents, sum(respondents), k);
		addLine(rows, country, null, null, dimension, by, categories, respondents, respondentsSuppressed);
		for (PollDefinition.Question question : poll.questions()) {
			long[] answered = line(counts, question.key(), PollCells.ANSWERED, dimension, categories);
			boolean[] answeredSuppressed = Suppression.protectLine(answered, sum(answered), k);
			addLine(rows, country, question.key(), null, dimension, by, categories, answered, answeredSuppressed);
			if (question.isFreeText()) {
				continue;
			}
			List<PollDefinition.Option> options = question.options();
			long[][] cells = new long[options.size()][];
			long[] optionTotals = new long[options.size()];
			for (int o = 0; o < options.size(); o++) {
				cells[o] = line(counts, question.key(), options.get(o).key(), dimension, categories);
				optionTotals[o] = sum(cells[o]);
			}
			boolean[] totalsSuppressed;
			boolean[] columnSuppressed;
			boolean grandSuppressed;
			if (question.takesSeveralOptions()) {
				// the totals per category count choices, not children: never published, so unknown
				totalsSuppressed = new boolean[options.size() + 1];
				for (int o = 0; o < options.size(); o++) {
					totalsSuppressed[o] = optionTotals[o] < k;
				}
				columnSuppressed = new boolean[categories.size()];
				java.util.Arrays.fill(columnSuppressed, true);
				grandSuppressed = true;
			}
			else {
				// one option each: the totals per category are the numbers who answered, published above
				totalsSuppressed = Suppression.protectLine(optionTotals, sum(answered), k);
				columnSuppressed = java.util.Arrays.copyOf(answeredSuppressed, categories.size());
				grandSuppressed = answeredSuppressed[categories.size()];
			}
			boolean[][] cellSuppressed = Suppression.protectGrid(cells,
					java.util.Arrays.copyOf(totalsSuppressed, options.size()), columnSuppressed, grandSuppressed, k);
			for (int o = 0; o < options.size(); o++) {
				boolean[] flags = java.util.Arrays.copyOf(cellSuppressed[o], categories.size() + 1);
				flags[categories.size()] = totalsSuppressed[o];
				addLine(rows, country, question.key(), options.get(o).key(), dimension, by, categories, cells[o], flags);
			}
		}
		return rows;
	}

	/** A line of rows: one per category when broken down, then the total. */
	private static void addLine(List<PollTable.Row> rows, String country, String question, String option,
			Dimension dimension, Dimension by, List<String> categories, long[] counts, boolean[] suppressed) {
		if (by != null) {
			for (int i = 0; i < categories.size(); i++) {
				rows.add(new PollTable.Row(country, question, option, Map.of(dimension.parameter(), categories.get(i)),
						false, suppressed[i] ? null : counts[i], suppressed[i]));
			}
		}
		int last = categories.size();
		rows.add(new PollTable.Row(country, question, option, Map.of(), true, suppressed[last] ? null : sum(counts),
				suppressed[last]));
	}

	private static long[] line(Map<String, Long> counts, String question, String option, Dimension dimension,
			List<String> categories) {
		long[] line = new long[categories.size()];
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int i = 0; i < categories.size(); i++) {
			index.put(categories.get(i), i);
		}
		String prefix = question + "|" + option + "|" + dimension.parameter() + "|";
		counts.forEach((key, value) -> {
			if (key.startsWith(prefix)) {
				line[index.getOrDefault(key.substring(prefix.length()), categories.size() - 1)] += value;
			}
		});
		return line;
	}

	private static long sum(long[] values) {
		long sum = 0;
		for (long value : values) {
			sum += value;
		}
		return sum;
	}

}
