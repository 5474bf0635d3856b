package org.safesteps.statistics;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.ProblemType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Open data: for each country and finished month, participation overall, by region and by age
 * band, suppressed like every table and then blurred with noise.
 *
 * <p>
 * Each release (a country, a month, a grouping) is made once, with its noise drawn once, and
 * stored: asking again returns the same numbers, so repeating a question does not average the
 * noise away. Making a release spends epsilon from its country's budget for that month, which is
 * capped; the noise is discrete Laplace (two-sided geometric) with scale 2/epsilon, as one quiz
 * attempt can add to two counts of a release (attempts and completions).
 */
@Component
class PublicReleases {

	static final String RELEASES = "statistics_public_releases";

	static final String BUDGETS = "statistics_privacy_budgets";

	static final int SENSITIVITY = 2;

	private final ParticipationTables tables;

	private final ReactiveMongoTemplate mongo;

	private final StatisticsProperties properties;

	private final Clock clock;

	/** A DRBG, seeded here, draws without reading the system's entropy source on the event loop. */
	private final SecureRandom random;

	PublicReleases(ParticipationTables tables, ReactiveMongoTemplate mongo, StatisticsProperties properties,
			Clock clock) {
		this.tables = tables;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		this.random.nextDouble();
	}

	/** The last month whose counters no longer change. */
	YearMonth lastFinishedMonth() {
		return YearMonth.from(LocalDate.now(this.clock).minusDays(2)).minusMonths(1);
	}

	/** @param by {@link Dimension#REGION}, {@link Dimension#AGE_BAND} or null for totals */
	Mono<PublicTable> releases(List<String> countries, YearMonth from, YearMonth to, Dimension by) {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			months.add(month);
		}
		return Flux.fromIterable(countries)
			.concatMap(country -> Flux.fromIterable(months).concatMap(month -> release(country, month, by)))
			.collectList()
			.flatMap(releases -> budgets(countries, months).map(spent -> {
				List<PublicTable.Row> rows = releases.stream().flatMap(List::stream).toList();
				return new PublicTable(new PublicTable.Metadata(countries, from.toString(), to.toString(),
						(by != null) ? by.parameter() : null, Column.PUBLIC.stream().map(Column::columnName).toList(),
						this.properties.k(), "discrete Laplace (two-sided geometric)", this.properties.epsilon(),
						SENSITIVITY, this.properties.budgetPerPeriod(), spent, Instant.now(this.clock)), rows);
			}));
	}

	private Mono<List<PublicTable.Row>> release(String country, YearMonth month, Dimension by) {
		String id = country + "|" + month + "|" + ((by != null) ? by.parameter() : "total");
		return this.mongo.findById(id, Document.class, RELEASES)
			.switchIfEmpty(Mono.defer(() -> spend(country, month).then(make(id, country, month, by))))
			.map(PublicReleases::rows);
	}

	/**
	 * Takes epsilon from the month's budget (compare and set on what was spent), or fails with
	 * 409 when it would go over the cap.
	 */
	private Mono<Void> spend(String country, YearMonth month) {
		String id = country + "|" + month;
		double epsilon = this.properties.epsilon();
		double cap = this.properties.budgetPerPeriod();
		return this.mongo.findById(id, Document.class, BUDGETS)
			.map(budget -> ((Number) budget.get("spent")).doubleValue())
			.flatMap(spent -> {
				if (spent + epsilon > cap + 1e-9) {
					return Mono.<Boolean>error(new ApiProblem(ProblemType.PRIVACY_BUDGET_SPENT,
							Map.of("country", country, "month", month.toString()), Map.of("budget", cap, "spent", spent)));
				}
				return this.mongo
					.updateFirst(Query.query(Criteria.where("_id").is(id).and("spent").is(spent)),
							new Update().inc("spent", epsilon), BUDGETS)
					.map(result -> result.getModifiedCount() == 1);
			})
			.switchIfEmpty(Mono.defer(() -> this.mongo.insert(new Document("_id", id).append("spent", epsilon), BUDGETS)
				.thenReturn(true)
				.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(false))))
			.flatMap(spent -> spent ? Mono.<Void>empty() : spend(country, month));
	}

	private Mono<Document> make(String id, String country, YearMonth month, Dimension by) {
		List<Dimension> grouping = (by != null) ? List.of(by) : List.of();
		TableQuery query = new TableQuery(country, month.atDay(1), month.atEndOfMonth(), Granularity.MONTH, grouping,
				Cube.GEO, Map.of());
		return this.tables.table("public", query, Column.PUBLIC).flatMap(table -> {
			List<Document> rows = new ArrayList<>();
			for (StatisticsTable.Row row : table.rows()) {
				Document values = new Document();
				row.values().forEach((column, value) -> values.put(column, (value != null) ? noisy(value.longValue()) : null));
				rows.add(new Document("period", row.period()).append("group", new Document(row.group()))
					.append("total", row.total())
					.append("values", values));
			}
			Document release = new Document("_id", id).append("country", country)
				.append("epsilon", this.properties.epsilon())
				.append("made", Instant.now(this.clock).toString())
				.append("rows", rows);
			return this.mongo.insert(release, RELEASES)
				.onErrorResume(DuplicateKeyException.class, ex -> this.mongo.findById(id, Document.class, RELEASES));
		});
	}

	private Mono<Map<String, Double>> budgets(List<String> countries, List<YearMonth> months) {
		List<String> ids = new ArrayList<>();
		countries.forEach(country -> months.forEach(month -> ids.add(country + "|" + month)));
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, BUDGETS)
			.collectMap(document -> document.getString("_id"), document -> ((Number) document.get("spent")).doubleValue())
			.map(found -> {
				Map<String, Double> spent = new LinkedHashMap<>();
				ids.forEach(id -> spent.put(id, found.getOrDefault(id, 0.0)));
				return spent;
			});
	}

	/** The count plus discrete Laplace noise of scale SENSITIVITY/epsilon, never below zero. */
	long noisy(long count) {
		double alpha = Math.exp(-this.properties.epsilon() / SENSITIVITY);
		return Math.max(0, count + geometric(alpha) - geometric(alpha));
	}

	/** Failures before the first success, with success probability 1 - alpha. */
	private long geometric(double alpha) {
		double u = 1.0 - this.random.nextDouble();
		return (long) Math.floor(Math.log(u) / Math.log(alpha));
	}

	@SuppressWarnings("unchecked")
	private static List<PublicTable.Row> rows(Document release) {
		String country = release.getString("country");
		List<PublicTable.Row> rows = new ArrayList<>();
		for (Document row : (List<Document>) release.get("rows")) {
			Map<String, String> group = new LinkedHashMap<>();
			row.get("group", Document.class).forEach((key, value) -> group.put(key, (String) value));
			Map<String, Long> values = new LinkedHashMap<>();
			List<String> suppressed = new ArrayList<>();
			row.get("values", Document.class).forEach((column, value) -> {
				values.put(column, (value != null) ? ((Number) value).longValue() : null);
				if (value == null) {
					suppressed.add(column);
				}
			});
			rows.add(new PublicTable.Row(country, row.getString("period"), group, row.getBoolean("total"), values,
					suppressed));
		}
		return rows;
	}

}
