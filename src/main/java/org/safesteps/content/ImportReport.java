package org.safesteps.content;

import java.util.List;

/**
 * What one import changed.
 *
 * @param version the content version after the import; apps pass it back as {@code since}
 * @param hash digest of all content at that version
 * @param unchanged how many items were already current
 */
record ImportReport(int version, String hash, List<String> added, List<String> changed, List<String> removed,
		int unchanged) {
}
