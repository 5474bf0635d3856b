package org.safesteps.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against the whole service over HTTP, on an in-process mongo-java-server reached
 * through the real driver over TCP, with tokens verified against JWK sets served over HTTP.
 * Every exchange is checked against the OpenAPI contract.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@ExtendWith(ContractCheckExtension.class)
@Import({ TestConfig.class, OwnNettyResources.class })
public @interface ApiTest {

}
