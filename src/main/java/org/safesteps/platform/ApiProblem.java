package org.safesteps.platform;

import java.util.List;
import java.util.Map;

/**
 * An error a feature raises on purpose. {@link ProblemDetailsHandler} turns it into an
 * {@code application/problem+json} response.
 *
 * @param type what went wrong
 * @param detailArguments arguments of the localised detail message {@code problem.<slug>.detail}
 * @param properties extra members of the problem (for example {@code errors} or {@code supportedLocales})
 */
public class ApiProblem extends RuntimeException {

	private final ProblemType type;

	private final Map<String, Object> detailArguments;

	private final Map<String, Object> properties;

	public ApiProblem(ProblemType type, Map<String, Object> detailArguments, Map<String, Object> properties) {
		super(type.slug(), null, false, false);
		this.type = type;
		this.detailArguments = Map.copyOf(detailArguments);
		this.properties = Map.copyOf(properties);
	}

	public static ApiProblem notFound(String kind, String id) {
		return new ApiProblem(ProblemType.NOT_FOUND, Map.of("kind", kind, "id", id), Map.of());
	}

	/** A 400 naming each invalid field, e.g. {@code answers[0].questionKey}. */
	public static ApiProblem invalidFields(List<FieldError> errors) {
		return new ApiProblem(ProblemType.VALIDATION, Map.of("count", errors.size()), Map.of("errors", errors));
	}

	public static ApiProblem tooLarge(int maxBodyBytes) {
		return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, Map.of("limit", maxBodyBytes),
				Map.of("maxBodyBytes", maxBodyBytes));
	}

	public static ApiProblem invalidField(String field, String message) {
		return invalidFields(List.of(new FieldError(field, message)));
	}

	public ProblemType type() {
		return this.type;
	}

	public Map<String, Object> detailArguments() {
		return this.detailArguments;
	}

	public Map<String, Object> properties() {
		return this.properties;
	}

	/** One invalid field of a request. */
	public record FieldError(String field, String message) {
	}

}
