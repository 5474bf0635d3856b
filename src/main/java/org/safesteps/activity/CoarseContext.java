package org.safesteps.activity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The child's coarse context that an app sends with a write that is counted. It is never stored
 * next to the learner key: it only travels in activity.
 *
 * @param country ISO 3166-1 alpha-2 code of a country SafeSteps serves, such as {@code TH}
 * @param region ISO 3166-2 code of a province-level region of that country, such as {@code TH-10}
 * @param ageBand {@code 5-8}, {@code 9-12} or {@code 13-17}
 */
public record CoarseContext(
		@NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166-1 alpha-2 code such as TH") String country,
		@Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}",
				message = "must be an ISO 3166-2 code such as TH-10") String region,
		@NotNull(message = "is required") @Pattern(regexp = "5-8|9-12|13-17",
				message = "must be 5-8, 9-12 or 13-17") String ageBand) {
}
