package org.safesteps.platform;

import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Decoders buffer no more than the body limit, which is set in one place: {@link RequestLimitsProperties}. */
@Configuration(proxyBeanMethods = false)
class CodecLimits {

	@Bean
	CodecCustomizer bodyLimit(RequestLimitsProperties limits) {
		return configurer -> configurer.defaultCodecs().maxInMemorySize(limits.maxBodyBytes());
	}

}
