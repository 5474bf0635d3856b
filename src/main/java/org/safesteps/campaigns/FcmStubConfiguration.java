package org.safesteps.campaigns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The local FCM stub, started in-process when {@code safesteps.campaigns.fcm.stub.enabled} (the local profile). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("safesteps.campaigns.fcm.stub.enabled")
class FcmStubConfiguration {

	private static final Logger log = LoggerFactory.getLogger(FcmStubConfiguration.class);

	@Bean(destroyMethod = "close")
	FcmStub fcmStub(CampaignsProperties properties) {
		FcmStub stub = FcmStub.start(properties.fcm().stub().port(), true);
		log.info("Campaigns go to the local FCM stub at {} (GET {}/stub/stats shows what it received)",
				stub.endpoint(), stub.endpoint());
		return stub;
	}

}
