package org.safesteps.campaigns;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an app sends to register or refresh its device. The token is kept to send to and never
 * returned by any API.
 *
 * @param fcmToken the FCM registration token of the app on this device
 * @param locale BCP 47 tag of the app's language, such as {@code th} or {@code fil-PH}
 * @param country ISO 3166-1 alpha-2 code of a country SafeSteps serves
 * @param region ISO 3166-2 province-level code, optional
 * @param audience who uses the app: {@code child}, {@code parent}, {@code teacher}, ...
 * @param ageBand for a child: {@code 5-8}, {@code 9-12} or {@code 13-17}
 * @param timeZone IANA time zone id such as {@code Asia/Bangkok}: quiet hours follow it
 */
record DeviceRegistration(
		@NotBlank(message = "is required") @Size(min = 32, max = 4096,
				message = "must be 32 to 4096 characters") @Pattern(regexp = "[A-Za-z0-9_:.\\-]+",
						message = "must be an FCM registration token") String fcmToken,
		@NotBlank(message = "is required") @Size(max = 35, message = "must be at most 35 characters") String locale,
		@NotNull(message = "is required") @Pattern(regexp = "[A-Z]{2}",
				message = "must be an ISO 3166-1 alpha-2 code such as TH") String country,
		@Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 code such as TH-10") String region,
		@NotNull(message = "is required") @Pattern(regexp = Targets.AUDIENCES,
				message = "must be child, parent, teacher, practitioner or community-leader") String audience,
		@Pattern(regexp = Targets.AGE_BANDS, message = "must be 5-8, 9-12 or 13-17") String ageBand,
		@NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String timeZone) {
}
