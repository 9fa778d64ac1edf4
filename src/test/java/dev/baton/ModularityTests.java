package dev.baton;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module structure honest: no cycles, no reaching into another module's internals,
 * and a README module map that names exactly the modules in the code.
 */
class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(BatonApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void readmeModuleMapListsEveryModule() throws IOException {
		var readme = Files.readString(Path.of("README.md"));
		var map = readme.substring(readme.indexOf("## Module map"));
		map = map.substring(0, map.indexOf("\n## ", 3));
		var documented = new TreeSet<String>();
		var row = Pattern.compile("^\\| `([a-z]+)` \\|", Pattern.MULTILINE).matcher(map);
		while (row.find()) {
			documented.add(row.group(1));
		}
		var actual = new TreeSet<String>();
		MODULES.forEach(module -> actual.add(module.getBasePackage().getName().substring("dev.baton.".length())));
		assertThat(documented).as("modules in README.md's module map").isEqualTo(actual);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
		assertThat(MODULES.stream().map(ApplicationModule::getDisplayName)).doesNotContainNull();
	}

	@Test
	void everyModuleDeclaresItsAllowedDependencies() {
		MODULES.forEach(module -> {
			var annotation = module.getBasePackage().getAnnotation(org.springframework.modulith.ApplicationModule.class);
			assertThat(annotation).as(module.getIdentifier() + "'s package-info declares @ApplicationModule").isPresent();
			assertThat(annotation.get().allowedDependencies())
					.as(module.getIdentifier() + " lists its allowed dependencies (the module template)")
					.doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
		});
	}
}
