package org.safesteps.campaigns;

import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.safesteps.content.ServedCountries;
import org.safesteps.platform.ApiProblem;
import org.springframework.stereotype.Component;

/** The codes devices and campaigns are described by, checked against what SafeSteps knows. */
@Component
class Targets {

	static final String AUDIENCES = "child|parent|teacher|practitioner|community-leader";

	static final String AGE_BANDS = "5-8|9-12|13-17";

	private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

	private final ServedCountries countries;

	Targets(ServedCountries countries) {
		this.countries = countries;
	}

	/** Adds an error for each code of the registration SafeSteps does not know. */
	void check(DeviceRegistration device, List<ApiProblem.FieldError> errors) {
		checkLocale(device.locale(), "locale", errors);
		this.countries.check(device.country(), device.region(), "country", "region", errors);
		if ("child".equals(device.audience()) && device.ageBand() == null) {
			errors.add(new ApiProblem.FieldError("ageBand", "is required for a child"));
		}
		if (device.timeZone() != null && !ZONES.contains(device.timeZone())) {
			errors.add(new ApiProblem.FieldError("timeZone", "must be an IANA time zone id such as Asia/Bangkok"));
		}
	}

	void checkCountry(String country, String field, List<ApiProblem.FieldError> errors) {
		this.countries.check(country, null, field, null, errors);
	}

	boolean isRegionOf(String region, List<String> countries) {
		return countries.stream().anyMatch(country -> this.countries.regions(country).contains(region));
	}

	static void checkLocale(String tag, String field, List<ApiProblem.FieldError> errors) {
		if (tag != null && !isWellFormed(tag)) {
			errors.add(new ApiProblem.FieldError(field, "must be a BCP 47 language tag such as th or fil-PH"));
		}
	}

	static boolean isWellFormed(String tag) {
		try {
			return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
		}
		catch (IllformedLocaleException ex) {
			return false;
		}
	}

}
