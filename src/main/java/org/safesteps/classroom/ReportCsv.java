package org.safesteps.classroom;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A session's report as CSV: one row per option of each question (or per question while too few answered). */
final class ReportCsv {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#').get();

	private ReportCsv() {
	}

	static String write(ClassroomViews.Results results) {
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			csv.printComment("SafeSteps classroom report, session " + results.sessionId() + ", module "
					+ results.moduleId() + ", " + results.participants() + " children joined; counts per option are shown once "
					+ results.minimumAnswers() + " have answered");
			csv.printRecord("step", "kind", "question", "answered", "correctShare", "option", "count");
			for (ClassroomViews.StepResults step : results.steps()) {
				for (ClassroomViews.QuestionResults question : step.questions()) {
					String share = (question.correctShare() != null) ? question.correctShare().toString() : "";
					if (question.options() == null) {
						csv.printRecord(step.key(), step.kind(), question.question(), question.answered(), share, "",
								"too few answers");
						continue;
					}
					for (var option : question.options().entrySet()) {
						csv.printRecord(step.key(), step.kind(), question.question(), question.answered(), share,
								option.getKey(), option.getValue());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

}
