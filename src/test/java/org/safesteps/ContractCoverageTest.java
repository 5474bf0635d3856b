package org.safesteps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.safesteps.support.ApiTest;
import org.safesteps.support.ContractValidator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/** Every served route is in api-spec/openapi.yaml, and every path there is served. */
@ApiTest
class ContractCoverageTest {

	/** Routes served by router functions rather than controllers. */
	static final Set<String> ROUTER_FUNCTION_ROUTES = Set.of("GET /v1/openapi.yaml", "GET /docs");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** The spec and the service list the same operations. */
	@Test
	void specAndServiceAgree() throws Exception {
		Set<String> served = new TreeSet<>(ROUTER_FUNCTION_ROUTES);
		this.mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternsCondition()
			.getPatterns()
			.forEach(pattern -> info.getMethodsCondition()
				.getMethods()
				.forEach(method -> served.add(method.name() + " " + pattern.getPatternString()))));

		JsonNode spec = YAMLMapper.builder().build().readTree(Files.readString(Path.of(ContractValidator.SPEC)));
		Set<String> specified = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				specified.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}
		assertThat(served).as("served routes").isEqualTo(specified);
	}

	/** The spec is OpenAPI 3.0.3, the version the request validator understands fully. */
	@Test
	void specIsOpenApi303() throws Exception {
		assertThat(Files.readString(Path.of(ContractValidator.SPEC))).startsWith("openapi: 3.0.3\n");
	}

}
