package org.safesteps.localization;

import java.util.ArrayList;
import java.util.List;

/**
 * The supported locale a request is served in.
 *
 * @param tag the BCP 47 tag of a supported locale, as sent in {@code Content-Language}
 * @param fallbackChain where to look for a translation, most specific first, ending with the
 * source language
 */
public record ResolvedLocale(String tag, List<String> fallbackChain) {

	/**
	 * A tag and its shorter forms, most specific first: {@code fil-PH} gives {@code fil-PH, fil};
	 * {@code zh-Hant-TW} gives {@code zh-Hant-TW, zh-Hant, zh}.
	 */
	public static List<String> truncations(String tag) {
		List<String> result = new ArrayList<>();
		String current = tag;
		while (!current.isEmpty()) {
			result.add(current);
			int dash = current.lastIndexOf('-');
			current = (dash > 0) ? current.substring(0, dash) : "";
		}
		return result;
	}

}
