package org.safesteps;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Every direct subpackage of org.safesteps is a module, including ones added later: modules
 * form no cycle and use nothing of another module but the public types of its base package.
 */
class ModuleBoundariesTest {

	static final ApplicationModules MODULES = ApplicationModules.of(SafeStepsApplication.class);

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.safesteps");

	/** Spring Modulith's rules hold for every module: no cycles, only public API used across modules. */
	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	/**
	 * A public type is a module's API, so it must be used by another module (directly or through
	 * a nested type): anything else stays package-private. Exempt: the application class.
	 */
	@Test
	void publicTypesAreUsedByAnotherModule() {
		classes().that()
			.arePublic()
			.and()
			.areTopLevelClasses()
			.and()
			.doNotHaveSimpleName("SafeStepsApplication")
			.should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("be used by another package") {
				@Override
				public void check(JavaClass type, com.tngtech.archunit.lang.ConditionEvents events) {
					boolean usedElsewhere = CLASSES.stream()
						.filter(candidate -> candidate.equals(type)
								|| candidate.getName().startsWith(type.getName() + "$"))
						.flatMap(candidate -> candidate.getDirectDependenciesToSelf().stream())
						.anyMatch(dependency -> !dependency.getOriginClass()
							.getPackageName()
							.equals(type.getPackageName()));
					if (!usedElsewhere) {
						events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(type,
								type.getName() + " is public but used only in its own package"));
					}
				}
			})
			.check(CLASSES);
	}

	/** Controllers are package-private: a feature's HTTP surface is not a Java API for others. */
	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(CLASSES);
	}

}
