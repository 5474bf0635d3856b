package org.safesteps.localization;

/**
 * How much of the content is translated into one locale. Implemented by the content feature.
 */
public interface TranslationCoverage {

	Coverage coverage(String locale);

	/**
	 * @param totalKeys translatable strings in the source language
	 * @param translatedKeys of those, how many this locale translates
	 * @param draftItems content items whose translation awaits a native reviewer
	 * @param reviewedItems content items whose translation a native reviewer approved
	 * @param staleKeys translated strings whose English changed since they were translated
	 */
	record Coverage(int totalKeys, int translatedKeys, int draftItems, int reviewedItems, int staleKeys) {
	}

}
