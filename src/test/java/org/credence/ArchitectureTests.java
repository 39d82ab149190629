package org.credence;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.credence.assessment.model.Formula;
import org.credence.assessment.model.ModelValidator;
import org.credence.assessment.scoring.Scorecard;
import org.credence.assessment.statement.RatioCalculator;
import org.credence.customer.Uscc;
import org.credence.identity.audit.AuditChain;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules Spring Modulith does not check. Each rule is also run against a deliberately
 * broken fixture class to show that it can fail.
 */
class ArchitectureTests {

	static final JavaClasses application = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.credence");

	static final JavaClasses brokenFixtures = new ClassFileImporter().importPackages("org.credence.archfixture");

	/**
	 * Money and rates are exact: no float or double fields, parameters or return values.
	 */
	static final List<ArchRule> noFloatingPoint = List.of(
			fields().should()
				.notHaveRawType(double.class)
				.andShould()
				.notHaveRawType(float.class)
				.andShould()
				.notHaveRawType(Double.class)
				.andShould()
				.notHaveRawType(Float.class)
				.because("amounts are BigDecimal with an explicit currency and rounding"),
			methods().should()
				.notHaveRawReturnType(double.class)
				.andShould()
				.notHaveRawReturnType(float.class)
				.because("amounts are BigDecimal with an explicit currency and rounding"));

	static final ArchRule controllersLiveInWeb = classes().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.resideInAPackage("..web..")
		.because("controllers and their request records live in <module>.web");

	static final ArchRule policiesAreFreeOfSpring = noClasses().that()
		.belongToAnyOf(Uscc.class, AuditChain.class, Scorecard.class, ModelValidator.class, Formula.class,
				RatioCalculator.class)
		.or()
		.haveSimpleNameEndingWith("Rules")
		.or()
		.haveSimpleNameEndingWith("Policy")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework..")
		.because("rules that matter are plain Java: facts in, decision out");

	@Test
	void amountsAreNeverFloatingPoint() {
		noFloatingPoint.forEach(rule -> rule.check(application));
		noFloatingPoint.forEach(
				rule -> assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> rule.check(brokenFixtures)));
	}

	@Test
	void controllersLiveInTheirModulesWebPackage() {
		controllersLiveInWeb.check(application);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> controllersLiveInWeb.check(brokenFixtures));
	}

	@Test
	void policiesAndValueTypesDoNotDependOnSpring() {
		policiesAreFreeOfSpring.check(application);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> policiesAreFreeOfSpring.check(brokenFixtures));
	}

}
