package org.safesteps.statistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table as CSV: comment lines (starting with #) carry the metadata, then a header row and a
 * row per table row. A suppressed value is written as {@code suppressed}; the period's total
 * row says {@code total} in each grouping column.
 */
final class CsvTables {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#').get();

	private CsvTables() {
	}

	static String write(StatisticsTable table) {
		StatisticsTable.Metadata metadata = table.metadata();
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			csv.printComment("SafeSteps " + metadata.table() + " statistics for " + metadata.country() + ", "
					+ metadata.from() + " to " + metadata.to() + " by " + metadata.granularity());
			if (!metadata.filter().isEmpty()) {
				csv.printComment("only " + metadata.filter());
			}
			csv.printComment("counts under k = " + metadata.k()
					+ " are suppressed, and so are others wherever a total would reveal them: "
					+ metadata.suppressedCells() + " values suppressed");
			csv.printComment("generated " + metadata.generatedAt() + " from content version " + metadata.contentVersion());
			List<String> header = new ArrayList<>();
			header.add("period");
			header.addAll(metadata.groupBy());
			header.addAll(metadata.columns());
			csv.printRecord(header);
			for (StatisticsTable.Row row : table.rows()) {
				List<Object> record = new ArrayList<>();
				record.add(row.period());
				for (String dimension : metadata.groupBy()) {
					record.add(row.total() ? "total" : row.group().get(dimension));
				}
				for (String column : metadata.columns()) {
					Number value = row.values().get(column);
					record.add((value != null) ? value : "suppressed");
				}
				csv.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static String write(PollTable table) {
		PollTable.Metadata metadata = table.metadata();
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			csv.printComment("SafeSteps results of poll " + metadata.poll() + " (" + metadata.opens() + " to "
					+ metadata.closes() + ") in " + String.join(", ", metadata.countries()));
			csv.printComment("a row with no question counts those who answered the poll; with no option, those who "
					+ "answered the question");
			csv.printComment("counts under k = " + metadata.k()
					+ " are suppressed, and so are others wherever a total would reveal them: "
					+ metadata.suppressedCells() + " values suppressed");
			csv.printComment("generated " + metadata.generatedAt() + " from content version " + metadata.contentVersion());
			List<String> header = new ArrayList<>(List.of("country", "question", "option"));
			if (metadata.groupBy() != null) {
				header.add(metadata.groupBy());
			}
			header.add("count");
			csv.printRecord(header);
			for (PollTable.Row row : table.rows()) {
				List<Object> record = new ArrayList<>(List.of(row.country(), blankIfNull(row.question()),
						blankIfNull(row.option())));
				if (metadata.groupBy() != null) {
					record.add(row.total() ? "total" : row.group().get(metadata.groupBy()));
				}
				record.add(row.suppressed() ? "suppressed" : row.count());
				csv.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	static String write(PublicTable table) {
		PublicTable.Metadata metadata = table.metadata();
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			csv.printComment("SafeSteps open participation data, " + metadata.from() + " to " + metadata.to());
			csv.printComment("counts under k = " + metadata.k() + " are suppressed; the others carry " + metadata.noise()
					+ " noise, epsilon " + metadata.epsilon() + " per release, sensitivity " + metadata.sensitivity());
			csv.printComment("generated " + metadata.generatedAt());
			List<String> header = new ArrayList<>(List.of("country", "period"));
			if (metadata.groupBy() != null) {
				header.add(metadata.groupBy());
			}
			header.addAll(metadata.columns());
			csv.printRecord(header);
			for (PublicTable.Row row : table.rows()) {
				List<Object> record = new ArrayList<>(List.of(row.country(), row.period()));
				if (metadata.groupBy() != null) {
					record.add(row.total() ? "total" : row.group().get(metadata.groupBy()));
				}
				for (String column : metadata.columns()) {
					Long value = row.values().get(column);
					record.add((value != null) ? value : "suppressed");
				}
				csv.printRecord(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	private static String blankIfNull(String value) {
		return (value != null) ? value : "";
	}

}
