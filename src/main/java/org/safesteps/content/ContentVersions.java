package org.safesteps.content;

import java.util.Map;

/**
 * The version in which each item last changed, as recorded in MongoDB, so that an offline
 * bundle can hold only what changed since an app's version.
 *
 * @param current the newest content version
 * @param itemVersions id to the version that last added or changed it
 * @param removedVersions id of a removed item to the version that removed it
 */
record ContentVersions(int current, Map<String, Integer> itemVersions, Map<String, Integer> removedVersions) {

	static ContentVersions unversioned(ContentSnapshot snapshot) {
		Map<String, Integer> zero = new java.util.HashMap<>();
		snapshot.items().keySet().forEach(id -> zero.put(id, 0));
		return new ContentVersions(0, Map.copyOf(zero), Map.of());
	}

}
