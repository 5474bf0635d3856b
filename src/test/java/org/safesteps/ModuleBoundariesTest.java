package org.safesteps;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Feature packages stay apart: no cycles, and the platform depends on no feature. */
class ModuleBoundariesTest {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.safesteps");

	/** Features may use each other's public surface, but never in a cycle. */
	@Test
	void featuresHaveNoCycles() {
		slices().matching("org.safesteps.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	/** The platform (problems, embedded MongoDB, clock) knows no feature. */
	@Test
	void platformDependsOnNoFeature() {
		noClasses().that()
			.resideInAPackage("org.safesteps.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.safesteps.content..", "org.safesteps.localization..", "org.safesteps.learning..",
					"org.safesteps.security..")
			.check(CLASSES);
	}

	/** Localisation is below content: it never reaches into content or learning. */
	@Test
	void localizationDependsOnlyOnPlatform() {
		noClasses().that()
			.resideInAPackage("org.safesteps.localization..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.safesteps.content..", "org.safesteps.learning..", "org.safesteps.security..")
			.check(CLASSES);
	}

	/** Controllers are package-private: a feature's HTTP surface is not a Java API for others. */
	@Test
	void controllersArePackagePrivate() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
			.that()
			.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.should()
			.notBePublic()
			.check(CLASSES);
	}

}
