package org.credence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.credence.identity.Permission;
import org.credence.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's permission matrix and module table are generated from the code; this test
 * fails with the text to paste when they drift.
 */
class DocumentationTests {

	static final Path README = Path.of("README.md");

	@Test
	void readmeListsEachRolesPermissionsAsTheCodeGrantsThem() throws IOException {
		assertThat(section("permissions")).as("README permission matrix; expected:%n%s", permissionMatrix())
			.isEqualTo(permissionMatrix());
	}

	@Test
	void readmeListsTheModulesAndTheirDependencies() throws IOException {
		assertThat(section("modules")).as("README module table; expected:%n%s", moduleTable()).isEqualTo(moduleTable());
	}

	static String permissionMatrix() {
		StringBuilder table = new StringBuilder("| permission | ");
		table.append(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(" | "))).append(" |\n");
		table.append("| --- |").append(" :-: |".repeat(Role.values().length)).append('\n');
		for (Permission permission : Permission.values()) {
			table.append("| `").append(permission.authority()).append("` |");
			for (Role role : Role.values()) {
				table.append(role.permissions().contains(permission) ? " ✓ |" : "   |");
			}
			table.append('\n');
		}
		return table.toString();
	}

	static String moduleTable() {
		ApplicationModules modules = ModularityTests.modules;
		StringBuilder table = new StringBuilder("| module | package | uses |\n| --- | --- | --- |\n");
		modules.stream()
			.sorted((a, b) -> a.getBasePackage().getName().compareTo(b.getBasePackage().getName()))
			.forEach(module -> table.append("| ")
				.append(module.getDisplayName())
				.append(" | `")
				.append(module.getBasePackage().getName())
				.append("` | ")
				.append(uses(modules, module))
				.append(" |\n"));
		return table.toString();
	}

	private static String uses(ApplicationModules modules, ApplicationModule module) {
		String uses = module.getDirectDependencies(modules)
			.stream()
			.map(dependency -> dependency.getTargetModule().getDisplayName())
			.distinct()
			.sorted()
			.collect(Collectors.joining(", "));
		return uses.isEmpty() ? "—" : uses;
	}

	private static String section(String name) throws IOException {
		if (Boolean.getBoolean("credence.docs.write")) {
			write(name, "permissions".equals(name) ? permissionMatrix() : moduleTable());
		}
		String readme = Files.readString(README);
		String start = "<!-- generated:" + name + " -->\n";
		String end = "<!-- /generated:" + name + " -->";
		int from = readme.indexOf(start);
		int to = readme.indexOf(end);
		assertThat(from).as("README has a %s section", name).isNotNegative();
		return readme.substring(from + start.length(), to);
	}

	private static void write(String name, String content) throws IOException {
		String readme = Files.readString(README);
		String start = "<!-- generated:" + name + " -->\n";
		int from = readme.indexOf(start) + start.length();
		int to = readme.indexOf("<!-- /generated:" + name + " -->");
		Files.writeString(README, readme.substring(0, from) + content + readme.substring(to));
	}

}
