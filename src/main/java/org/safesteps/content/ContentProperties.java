package org.safesteps.content;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param directory the folder with lessons, quizzes, modules, polls, helplines and {@code schema/}
 * @param importOnStartup import the folder into MongoDB when the service starts
 * @param cacheMaxAgeSeconds how long apps and proxies may reuse a content response
 */
@ConfigurationProperties("safesteps.content")
record ContentProperties(@DefaultValue("content") Path directory, @DefaultValue("true") boolean importOnStartup,
		@DefaultValue("300") int cacheMaxAgeSeconds) {
}
