package org.safesteps;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SafeStepsApplication {

	public static void main(String[] args) {
		SpringApplication.run(SafeStepsApplication.class, args);
	}

}
