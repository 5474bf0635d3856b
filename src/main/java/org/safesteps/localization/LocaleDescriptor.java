package org.safesteps.localization;

/**
 * One locale SafeSteps serves, as listed in {@code localization/locales.yaml}.
 *
 * @param scope what the locale sets out to translate: {@code complete} (everything) or
 * {@code partial} (the UI, the help directory, the 9-12 child track and the parent lessons)
 */
public record LocaleDescriptor(String tag, String name, String scope) {

	public static final String COMPLETE = "complete";

	public static final String PARTIAL = "partial";

}
