package org.safesteps.localization;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory the folder with {@code locales.yaml} and one folder per locale
 */
@ConfigurationProperties("safesteps.localization")
public record LocalizationProperties(@DefaultValue("localization") Path directory) {
}
