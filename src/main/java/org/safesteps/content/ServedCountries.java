package org.safesteps.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

import org.safesteps.activity.CoarseContext;
import org.safesteps.platform.ApiProblem;
import org.safesteps.platform.InvalidContentException;
import org.safesteps.platform.YamlFiles;
import org.springframework.stereotype.Component;

/**
 * The countries SafeSteps serves and their province-level regions, from {@code content/regions.yaml}
 * (ISO 3166-1 and 3166-2 codes): the only codes a child's coarse context may carry.
 */
@Component
public class ServedCountries {

	private final Map<String, Set<String>> regionsByCountry;

	ServedCountries(ContentProperties properties) {
		this.regionsByCountry = read(properties);
	}

	public boolean isServed(String country) {
		return country != null && this.regionsByCountry.containsKey(country);
	}

	/** The country's province-level regions (ISO 3166-2), sorted; empty for a country not served. */
	public List<String> regions(String country) {
		return this.regionsByCountry.getOrDefault(country, Set.of()).stream().sorted().toList();
	}

	public Set<String> countries() {
		return this.regionsByCountry.keySet();
	}

	/**
	 * @param field the name of the context in the request, such as {@code context}
	 * @throws ApiProblem 400 naming each field whose code SafeSteps does not know
	 */
	public void check(CoarseContext context, String field) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		check(context.country(), context.region(), field + ".country", field + ".region", errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalidFields(errors);
		}
	}

	/**
	 * Adds an error when the country is not one SafeSteps serves, or the region (optional) is not
	 * one of its province-level regions; a null country is left to the field's own validation.
	 */
	public void check(String country, String region, String countryField, String regionField,
			List<ApiProblem.FieldError> errors) {
		if (country == null) {
			return;
		}
		Set<String> regions = this.regionsByCountry.get(country);
		if (regions == null) {
			errors.add(new ApiProblem.FieldError(countryField,
					"must be a country SafeSteps serves: " + String.join(", ", this.regionsByCountry.keySet())));
		}
		else if (region != null && !regions.contains(region)) {
			errors.add(new ApiProblem.FieldError(regionField,
					"must be an ISO 3166-2 province-level code of " + country + ", such as " + regions.iterator().next()));
		}
	}

	private static Map<String, Set<String>> read(ContentProperties properties) {
		JsonNode root = YamlFiles.read(properties.directory(), properties.directory().resolve("regions.yaml"));
		Map<String, Set<String>> byCountry = new LinkedHashMap<>();
		for (JsonNode country : root.path("countries")) {
			String code = country.path("code").stringValue();
			Set<String> regions = new TreeSet<>();
			for (JsonNode region : country.path("regions")) {
				String regionCode = region.path("code").stringValue();
				if (regionCode == null || !regionCode.startsWith(code + "-")) {
					throw new InvalidContentException("regions.yaml", "/countries/" + code,
							"'" + regionCode + "' is not a region code of " + code);
				}
				regions.add(regionCode);
			}
			byCountry.put(code, Set.copyOf(regions));
		}
		return java.util.Collections.unmodifiableMap(byCountry);
	}

}
