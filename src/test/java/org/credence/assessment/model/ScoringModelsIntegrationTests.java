package org.credence.assessment.model;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.credence.IntegrationTest;
import org.credence.SecurityContexts;
import org.credence.assessment.ScoringModelActivated;
import org.credence.identity.AuditEntry;
import org.credence.identity.AuditQuery;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Role;
import org.credence.shared.InvalidInputException;
import org.credence.shared.NotFoundException;
import org.credence.shared.Paging;
import org.credence.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@IntegrationTest
@RecordApplicationEvents
class ScoringModelsIntegrationTests {

	@Autowired
	ScoringModels models;

	@Autowired
	AuditTrail audit;

	@Autowired
	CurrentUser currentUser;

	@Autowired
	ApplicationEvents events;

	static String uniqueCode() {
		return "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}

	static ModelDefinition standardAs(String code) {
		ModelDefinition standard = BuiltInModels.standard();
		return new ModelDefinition(code, 1, "DRAFT", standard.nameZh(), standard.nameEn(), standard.description(),
				standard.factors(), standard.scale(), standard.source(), null, null);
	}

	<T> T asManager(java.util.function.Supplier<T> work) {
		Object[] result = new Object[1];
		SecurityContexts.runAs("manager.models", Set.of(Role.CREDIT_MANAGER), () -> result[0] = work.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	@Test
	void theBuiltInModelsAreActiveAndValidAfterStart() {
		assertThat(this.models.defaultModelCode()).isEqualTo("STANDARD");
		ModelDefinition standard = this.models.active("STANDARD");
		ModelDefinition altman = this.models.active("ALTMAN_Z2");

		for (ModelDefinition model : List.of(standard, altman)) {
			assertThat(model.isActive()).isTrue();
			assertThat(model.activatedBy()).isEqualTo(CurrentUser.SYSTEM);
			assertThat(model.activatedAt()).isNotNull();
			assertThat(ModelValidator.problems(model)).isEmpty();
		}
		assertThat(standard.factors()).isEqualTo(BuiltInModels.standard().factors());
		assertThat(standard.scale()).isEqualTo(BuiltInModels.standard().scale());
		assertThat(this.models.activeModels()).extracting(ModelDefinition::code).contains("STANDARD", "ALTMAN_Z2");
		assertThat(this.models.version("ALTMAN_Z2", 1).scale()).isEqualTo(BuiltInModels.altmanZ2().scale());
	}

	@Test
	void anUnknownModelIsNotFound() {
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.models.active("NO_SUCH_MODEL"));
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> this.models.version("STANDARD", 999));
	}

	@Test
	void activationRetiresThePreviousVersionIsAuditedAndAnnounced() {
		String code = uniqueCode();
		ModelDefinition first = asManager(() -> this.models.createDraft(standardAs(code)));
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.isDraft()).isTrue();
		asManager(() -> this.models.activate(code, 1));
		ModelDefinition second = asManager(() -> this.models.newVersion(code));
		assertThat(second.version()).isEqualTo(2);
		assertThat(second.isDraft()).isTrue();
		assertThat(second.factors()).isEqualTo(first.factors());

		ModelDefinition active = asManager(() -> this.models.activate(code, 2));

		assertThat(active.isActive()).isTrue();
		assertThat(active.activatedBy()).isEqualTo("manager.models");
		assertThat(this.models.version(code, 1).status()).isEqualTo("RETIRED");
		assertThat(this.models.active(code).version()).isEqualTo(2);
		assertThat(this.models.list()).filteredOn(v -> v.code().equals(code))
			.extracting(ModelVersion::version, ModelVersion::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "ACTIVE"),
					org.assertj.core.groups.Tuple.tuple(1, "RETIRED"));
		assertThat(this.events.stream(ScoringModelActivated.class)).contains(new ScoringModelActivated(code, 1),
				new ScoringModelActivated(code, 2));
		List<AuditEntry> entries = this.audit
			.entries(new AuditQuery(null, "scoring-model", "manager.models", null, null), new Paging(0, 500))
			.items();
		assertThat(entries).filteredOn(e -> e.entityId().equals(code + "/v2"))
			.extracting(AuditEntry::action)
			.contains("CREATED", "ACTIVATED");
		assertThat(entries).filteredOn(e -> e.entityId().equals(code + "/v1"))
			.extracting(AuditEntry::action)
			.contains("CREATED", "ACTIVATED", "RETIRED");
	}

	@Test
	void onlyDraftsChange() {
		String code = uniqueCode();
		asManager(() -> this.models.createDraft(standardAs(code)));
		ModelDefinition altman = BuiltInModels.altmanZ2();
		ModelDefinition changed = new ModelDefinition(code, 7, "ACTIVE", "改", "Changed", "", altman.factors(),
				altman.scale(), "test", "someone", null);
		ModelDefinition updated = asManager(() -> this.models.updateDraft(code, 1, changed));
		assertThat(updated.factors()).hasSize(1);
		assertThat(updated.version()).isEqualTo(1);
		assertThat(updated.status()).isEqualTo("DRAFT");
		assertThat(updated.nameEn()).isEqualTo("Changed");
		asManager(() -> this.models.activate(code, 1));

		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> asManager(() -> this.models.updateDraft(code, 1, standardAs(code))))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("MODEL_NOT_DRAFT"));
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> asManager(() -> this.models.activate(code, 1)));
	}

	@Test
	void anInvalidDraftIsRefusedWithEveryProblem() {
		String code = uniqueCode();
		ModelDefinition standard = standardAs(code);
		ModelDefinition heavy = standard
			.withFactors(List.of(standard.factors().get(0).withWeight(java.math.BigDecimal.TEN)));

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> asManager(() -> this.models.createDraft(heavy)))
			.satisfies(ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
				.contains("factors"));
	}

	@Test
	void onlyAModelManagerMayChangeModels() {
		String code = uniqueCode();
		asManager(() -> this.models.createDraft(standardAs(code)));

		SecurityContexts.runAs("analyst.models", Set.of(Role.CREDIT_ANALYST), () -> {
			assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.models.activate(code, 1));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.models.createDraft(standardAs(uniqueCode())));
			assertThatExceptionOfType(AccessDeniedException.class)
				.isThrownBy(() -> this.models.importJson(this.models.exportJson(code, 1)));
		});
		assertThat(this.models.version(code, 1).isDraft()).isTrue();
	}

	@Test
	void aModelSurvivesExportAndImportUnchangedApartFromStatusAndVersion() {
		ModelDefinition standard = this.models.active("STANDARD");
		String json = this.models.exportJson("STANDARD", standard.version());

		ModelDefinition imported = asManager(() -> this.models.importJson(json));

		assertThat(imported.isDraft()).isTrue();
		assertThat(imported.version()).isGreaterThan(standard.version());
		assertThat(imported.activatedBy()).isNull();
		assertThat(imported).isEqualTo(standard.asDraft(imported.version()));
		assertThat(this.models.exportJson("STANDARD", imported.version()))
			.isEqualTo(this.models.toJson(standard.asDraft(imported.version())));
		// leave the default model as it was: the imported copy is abandoned
		asManager(() -> this.models.retire("STANDARD", imported.version()));
		assertThat(this.models.active("STANDARD").version()).isEqualTo(standard.version());

		ModelDefinition altman = this.models.active("ALTMAN_Z2");
		String code = uniqueCode();
		String renamed = this.models.exportJson("ALTMAN_Z2", altman.version())
			.replaceFirst("\"code\" : \"ALTMAN_Z2\"", "\"code\" : \"" + code + "\"");
		ModelDefinition copy = asManager(() -> this.models.importJson(renamed));
		assertThat(copy.code()).isEqualTo(code);
		assertThat(copy.version()).isEqualTo(1);
		assertThat(copy.factors()).isEqualTo(altman.factors());
		assertThat(copy.scale()).isEqualTo(altman.scale());
		assertThat(copy.source()).isEqualTo(altman.source());
	}

	@Test
	void importRefusesTextThatIsNotAModel() {
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> asManager(() -> this.models.importJson("{\"code\": \"X\", \"unknownField\": 1}")))
			.satisfies(ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
				.containsExactly("json"));
		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> asManager(() -> this.models.importJson("not json")));
	}

	@Test
	void theDefaultModelKeepsAnActiveVersion() {
		int version = this.models.active("STANDARD").version();
		assertThatExceptionOfType(RuleViolationException.class)
			.isThrownBy(() -> asManager(() -> this.models.retire("STANDARD", version)))
			.satisfies(ex -> assertThat(ex.reasonCode()).isEqualTo("DEFAULT_MODEL_NEEDED"));
	}

}
