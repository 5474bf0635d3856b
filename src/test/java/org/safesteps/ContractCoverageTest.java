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
import org.safesteps.support.ServedRoutes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Every served route is in api-spec/openapi.yaml, and every path there is served. */
@ApiTest
class ContractCoverageTest {

	@Autowired
	ApplicationContext context;

	/** The spec and the service list the same operations. */
	@Test
	void specAndServiceAgree() throws Exception {
		Set<String> served = ServedRoutes.of(this.context);

		JsonNode spec = YAMLMapper.builder().build().readTree(Files.readString(Path.of(ContractValidator.SPEC)));
		Set<String> specified = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				specified.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}
		assertThat(served).as("served routes").isEqualTo(specified);
	}

	/** Every problem type the service can answer with is listed in the spec's Problem schema, and no other. */
	@Test
	void everyProblemTypeIsSpecified() throws Exception {
		JsonNode spec = YAMLMapper.builder().build().readTree(Files.readString(Path.of(ContractValidator.SPEC)));
		Set<String> specified = new TreeSet<>();
		spec.path("components").path("schemas").path("Problem").path("properties").path("type").path("enum")
			.forEach(type -> specified.add(type.stringValue()));
		Set<String> served = new TreeSet<>();
		for (org.safesteps.platform.ProblemType type : org.safesteps.platform.ProblemType.values()) {
			served.add(type.uri().toString());
		}
		assertThat(specified).isEqualTo(served);
	}

	/** The spec is OpenAPI 3.0.3, the version the request validator understands fully. */
	@Test
	void specIsOpenApi303() throws Exception {
		assertThat(Files.readString(Path.of(ContractValidator.SPEC))).startsWith("openapi: 3.0.3\n");
	}

}
