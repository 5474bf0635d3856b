package org.safesteps.localization;

import java.util.List;

/**
 * The supported locale a request is served in.
 *
 * @param tag the BCP 47 tag of a supported locale, as sent in {@code Content-Language}
 * @param fallbackChain where to look for a translation, most specific first, ending with the
 * source language
 */
public record ResolvedLocale(String tag, List<String> fallbackChain) {
}
