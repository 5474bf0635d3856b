package org.safesteps.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * Every problem the API answers with. The {@code type} URI and the slug are stable: clients may
 * switch on them. Titles and details are localised from the UI strings {@code problem.<slug>.*}.
 */
public enum ProblemType {

	NOT_FOUND("not-found", HttpStatus.NOT_FOUND),
	VALIDATION("validation", HttpStatus.BAD_REQUEST),
	MALFORMED("malformed", HttpStatus.BAD_REQUEST),
	REQUEST_REJECTED("request-rejected", HttpStatus.BAD_REQUEST),
	UNKNOWN_LOCALE("unknown-locale", HttpStatus.BAD_REQUEST),
	OPERATOR_REJECTED("operator-rejected", HttpStatus.BAD_REQUEST),
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN),
	NOT_TARGETED("not-targeted", HttpStatus.FORBIDDEN),
	NOT_JOINED("not-joined", HttpStatus.FORBIDDEN),
	COUNTRY_NOT_ALLOWED("country-not-allowed", HttpStatus.FORBIDDEN),
	FOUR_EYES("four-eyes", HttpStatus.FORBIDDEN),
	NOT_AUTHOR("not-author", HttpStatus.FORBIDDEN),
	URGENT_ADMIN_ONLY("urgent-admin-only", HttpStatus.FORBIDDEN),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED),
	REQUEST_TIMEOUT("request-timeout", HttpStatus.REQUEST_TIMEOUT),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE),
	PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
	INVALID_CONTENT("invalid-content", HttpStatus.UNPROCESSABLE_CONTENT),
	POLL_NOT_OPEN("poll-not-open", HttpStatus.CONFLICT),
	POLL_CLOSED("poll-closed", HttpStatus.CONFLICT),
	POLL_STILL_OPEN("poll-still-open", HttpStatus.CONFLICT),
	ALREADY_ANSWERED("already-answered", HttpStatus.CONFLICT),
	PRIVACY_BUDGET_SPENT("privacy-budget-spent", HttpStatus.CONFLICT),
	STEP_NOT_OPEN("step-not-open", HttpStatus.CONFLICT),
	SESSION_STILL_RUNNING("session-still-running", HttpStatus.CONFLICT),
	LAST_STEP("last-step", HttpStatus.CONFLICT),
	CAMPAIGN_STATUS("campaign-status", HttpStatus.CONFLICT),
	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS),
	LEARNER_ERASED("learner-erased", HttpStatus.GONE),
	SESSION_ENDED("session-ended", HttpStatus.GONE),
	SERVER_ERROR("server-error", HttpStatus.INTERNAL_SERVER_ERROR),
	DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE);

	public static final String BASE = "https://safesteps.org/problems/";

	private final String slug;

	private final HttpStatus status;

	ProblemType(String slug, HttpStatus status) {
		this.slug = slug;
		this.status = status;
	}

	public String slug() {
		return this.slug;
	}

	public HttpStatus status() {
		return this.status;
	}

	public URI uri() {
		return URI.create(BASE + this.slug);
	}

}
