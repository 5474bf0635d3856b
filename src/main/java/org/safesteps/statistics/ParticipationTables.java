package org.safesteps.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.safesteps.content.ContentCatalog;
import org.springframework.stereotype.Component;

/**
 * Builds the participation and learning tables from the counters: each period's grid is summed
 * from its days and protected as a whole, and the rows of the grouping asked are read from it.
 */
@Component
class ParticipationTables {

	/** About 15 kB each for Thailand's 78 regions by 4 age bands: a year by month in 60 countries. */
	private static final int CACHED_GRIDS = 720;

	private final CounterReader counters;

	private final Vocabulary vocabulary;

	private final ContentCatalog content;

	private final StatisticsProperties properties;

	private final Clock clock;

	/**
	 * Summed and protected grids of recent periods, keyed by the version of every day in them: a
	 * period whose counters have not changed since it was last asked for is not summed again, and
	 * one that has changed gets a new key.
	 */
	private final Cache<GridKey, PeriodGrid> grids = Caffeine.newBuilder().maximumSize(CACHED_GRIDS).build();

	ParticipationTables(CounterReader counters, Vocabulary vocabulary, ContentCatalog content,
			StatisticsProperties properties, Clock clock) {
		this.counters = counters;
		this.vocabulary = vocabulary;
		this.content = content;
		this.properties = properties;
		this.clock = clock;
	}

	Mono<StatisticsTable> table(String name, TableQuery query, List<Column> columns) {
		Cube cube = query.cube();
		List<String> rowCategories = cube.rows().categories(query.country(), this.vocabulary);
		List<String> columnCategories = cube.columns().categories(query.country(), this.vocabulary);
		List<Measure> protectedMeasures = columns.stream().map(Column::base).distinct().toList();
		int k = this.properties.k();
		return this.counters.days(cube, query.country(), query.from(), query.to()).map(days -> {
			List<StatisticsTable.Row> rows = new ArrayList<>();
			for (Granularity.Period period : query.granularity().periods(query.from(), query.to())) {
				List<CounterReader.DayCounts> inPeriod = days.stream()
					.filter(day -> !day.day().isBefore(period.first()) && !day.day().isAfter(period.last()))
					.toList();
				GridKey key = new GridKey(cube, query.country(), period.first(), period.last(), rowCategories,
						columnCategories, protectedMeasures, k, inPeriod.stream().map(CounterReader.DayCounts::version).toList());
				PeriodGrid grid = this.grids.get(key,
						unused -> new PeriodGrid(rowCategories, columnCategories, inPeriod, protectedMeasures, k));
				rows.addAll(rows(period.label(), grid, query, rowCategories, columnCategories, columns, k));
			}
			int suppressed = rows.stream().mapToInt(row -> row.suppressed().size()).sum();
			StatisticsTable.Metadata metadata = new StatisticsTable.Metadata(name, query.country(), query.from(),
					query.to(), query.granularity().parameter(),
					query.grouping().stream().map(Dimension::parameter).toList(),
					query.filter()
						.entrySet()
						.stream()
						.collect(Collectors.toMap(entry -> entry.getKey().parameter(), Map.Entry::getValue)),
					columns.stream().map(Column::columnName).toList(), k, suppressed, Instant.now(this.clock),
					this.content.contentVersion());
			return new StatisticsTable(metadata, rows);
		});
	}

	private static List<StatisticsTable.Row> rows(String period, PeriodGrid grid, TableQuery query,
			List<String> rowCategories, List<String> columnCategories, List<Column> columns, int k) {
		Cube cube = query.cube();
		List<Integer> rowIndexes = indexes(cube.rows(), query, rowCategories);
		List<Integer> columnIndexes = indexes(cube.columns(), query, columnCategories);
		List<StatisticsTable.Row> rows = new ArrayList<>();
		if (!query.grouping().isEmpty()) {
			for (int r : rowIndexes) {
				for (int c : columnIndexes) {
					Map<String, String> group = new LinkedHashMap<>();
					for (Dimension dimension : query.grouping()) {
						group.put(dimension.parameter(), (dimension == cube.rows()) ? rowCategories.get(r)
								: columnCategories.get(c));
					}
					rows.add(row(period, group, false, grid, r, c, columns, k));
				}
			}
		}
		int totalRow = query.filter().containsKey(cube.rows()) ? rowCategories.indexOf(query.filter().get(cube.rows()))
				: PeriodGrid.ALL;
		int totalColumn = query.filter().containsKey(cube.columns())
				? columnCategories.indexOf(query.filter().get(cube.columns())) : PeriodGrid.ALL;
		rows.add(row(period, Map.of(), true, grid, totalRow, totalColumn, columns, k));
		return rows;
	}

	/** The rows (or columns) to list: each category when grouped by it, else the one filtered on, else the margin. */
	private static List<Integer> indexes(Dimension dimension, TableQuery query, List<String> categories) {
		if (query.filter().containsKey(dimension)) {
			return List.of(categories.indexOf(query.filter().get(dimension)));
		}
		if (query.grouping().contains(dimension)) {
			List<Integer> all = new ArrayList<>();
			for (int i = 0; i < categories.size(); i++) {
				all.add(i);
			}
			return all;
		}
		return List.of(PeriodGrid.ALL);
	}

	private static StatisticsTable.Row row(String period, Map<String, String> group, boolean total, PeriodGrid grid,
			int r, int c, List<Column> columns, int k) {
		long[] sums = grid.sums(r, c);
		Map<String, Number> values = new LinkedHashMap<>();
		List<String> suppressed = new ArrayList<>();
		for (Column column : columns) {
			Number value = column.value(sums, grid.isSuppressed(column.base(), r, c), k);
			values.put(column.columnName(), value);
			if (value == null) {
				suppressed.add(column.columnName());
			}
		}
		return new StatisticsTable.Row(period, group, total, values, suppressed);
	}

	/** @param dayVersions the version of each day of the period, in order */
	private record GridKey(Cube cube, String country, LocalDate first, LocalDate last, List<String> rowCategories,
			List<String> columnCategories, List<Measure> protectedMeasures, int k, List<Long> dayVersions) {
	}

}
