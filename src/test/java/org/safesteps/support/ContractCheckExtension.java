package org.safesteps.support;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Fails a test whose exchanges broke the OpenAPI contract. */
public class ContractCheckExtension implements BeforeEachCallback, AfterEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		ContractValidator.drainFailures();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		List<String> failures = ContractValidator.drainFailures();
		assertThat(failures).as("responses that do not match api-spec/openapi.yaml").isEmpty();
	}

}
