package org.safesteps.localization;

/** One locale SafeSteps serves, as listed in {@code localization/locales.yaml}. */
public record LocaleDescriptor(String tag, String name) {
}
