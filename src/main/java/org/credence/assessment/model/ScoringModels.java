package org.credence.assessment.model;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.credence.assessment.ScoringModelActivated;
import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.credence.shared.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scoring models and their versions. A version is born a DRAFT (new, copied from the
 * active one, or imported), changes only while a draft, and is activated by a credit
 * manager: the previous ACTIVE version of its code is RETIRED in the same transaction,
 * audited, and {@link ScoringModelActivated} is published. Active and retired versions
 * never change again, so an assessment naming a code and version can always be explained.
 * <p>
 * Reading needs no permission (assessments read the active model as the system); every
 * change needs {@link Permission#MODEL_MANAGE}.
 */
@Service
public class ScoringModels {

	private final ScoringModelRepository repository;

	private final AuditTrail audit;

	private final CurrentUser currentUser;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ScoringModels(ScoringModelRepository repository, AuditTrail audit, CurrentUser currentUser,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.currentUser = currentUser;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The code of the model an assessment uses unless told otherwise: {@code STANDARD}.
	 */
	public String defaultModelCode() {
		return BuiltInModels.STANDARD;
	}

	/**
	 * The active version of a model.
	 * @throws NotFoundException (404) when the code has no active version
	 */
	@Transactional(readOnly = true)
	public ModelDefinition active(String modelCode) {
		return this.repository.active(modelCode)
			.orElseThrow(() -> new NotFoundException("assessment.model.not-found", modelCode));
	}

	/** Every model's active version, by code. */
	@Transactional(readOnly = true)
	public List<ModelDefinition> activeModels() {
		return this.repository.active();
	}

	/**
	 * One version of a model, whatever its status.
	 * @throws NotFoundException (404) when there is no such version
	 */
	@Transactional(readOnly = true)
	public ModelDefinition version(String code, int version) {
		return this.repository.find(code, version)
			.orElseThrow(() -> new NotFoundException("assessment.model.not-found", code + " v" + version));
	}

	/** Every version of every model, by code, newest version first. */
	@Transactional(readOnly = true)
	public List<ModelVersion> list() {
		return this.repository.versions();
	}

	/** The problems of a model, without saving anything (for an editor's preview). */
	public List<FieldProblem> validate(ModelDefinition model) {
		return ModelValidator.problems(model);
	}

	/**
	 * Saves a model as a DRAFT: version 1 of a new code, or the next version of an
	 * existing one. The given version, status and activation are ignored.
	 * @throws org.credence.shared.InvalidInputException when the model is not valid
	 */
	@Transactional
	public ModelDefinition createDraft(ModelDefinition model) {
		this.currentUser.require(Permission.MODEL_MANAGE);
		ModelValidator.requireValid(model);
		ModelDefinition draft = model.asDraft(this.repository.nextVersion(model.code()));
		this.repository.insert(draft, this.currentUser.username(), now());
		this.audit.record(AuditRecord.created(null, "scoring-model", id(draft), summary(draft)));
		return version(draft.code(), draft.version());
	}

	/**
	 * A new DRAFT version copied from the active one, to change and activate later.
	 * @throws NotFoundException when the code has no active version
	 */
	@Transactional
	public ModelDefinition newVersion(String code) {
		this.currentUser.require(Permission.MODEL_MANAGE);
		ModelDefinition active = active(code);
		ModelDefinition draft = active.asDraft(this.repository.nextVersion(code));
		this.repository.insert(draft, this.currentUser.username(), now());
		this.audit.record(AuditRecord.created(null, "scoring-model", id(draft), summary(draft))
			.because("copied from v" + active.version()));
		return version(code, draft.version());
	}

	/**
	 * Replaces a draft's content (names, description, factors, scale, source); the code
	 * and version stay.
	 * @throws RuleViolationException ({@code MODEL_NOT_DRAFT}) for an active or retired
	 * version
	 * @throws org.credence.shared.InvalidInputException when the model is not valid
	 */
	@Transactional
	public ModelDefinition updateDraft(String code, int version, ModelDefinition model) {
		this.currentUser.require(Permission.MODEL_MANAGE);
		ModelDefinition before = locked(code, version);
		requireDraft(before);
		ModelDefinition after = new ModelDefinition(code, version, ModelDefinition.DRAFT, model.nameZh(),
				model.nameEn(), model.description(), model.factors(), model.scale(), model.source(), null, null);
		ModelValidator.requireValid(after);
		this.repository.updateDefinition(after, now());
		this.audit.record(AuditRecord.changed(null, "scoring-model", id(after), before, after));
		return version(code, version);
	}

	/**
	 * Makes a draft the active version of its code; the previous active version is
	 * retired. Audited; publishes {@link ScoringModelActivated}.
	 * @throws RuleViolationException ({@code MODEL_NOT_DRAFT}) unless the version is a
	 * draft
	 * @throws org.credence.shared.InvalidInputException when the draft is not valid
	 */
	@Transactional
	public ModelDefinition activate(String code, int version) {
		this.currentUser.require(Permission.MODEL_MANAGE);
		this.repository.lockCode(code);
		ModelDefinition draft = locked(code, version);
		requireDraft(draft);
		ModelValidator.requireValid(draft);
		Instant now = now();
		ModelDefinition previous = this.repository.active(code).orElse(null);
		if (previous != null) {
			this.repository.retire(code, previous.version(), now);
			this.audit.record(new AuditRecord(null, "scoring-model", id(previous), "RETIRED",
					Map.of("status", ModelDefinition.ACTIVE), Map.of("status", ModelDefinition.RETIRED),
					"replaced by v" + version));
		}
		this.repository.activate(code, version, this.currentUser.username(), now);
		this.audit.record(new AuditRecord(null, "scoring-model", id(draft), "ACTIVATED",
				Map.of("status", ModelDefinition.DRAFT),
				Map.of("status", ModelDefinition.ACTIVE, "replaces", previous == null ? "—" : "v" + previous.version()),
				null));
		this.events.publishEvent(new ScoringModelActivated(code, version));
		return version(code, version);
	}

	/**
	 * Retires a draft (abandoned) or the active version (the code then has none).
	 * @throws RuleViolationException ({@code MODEL_RETIRED}) when already retired;
	 * ({@code DEFAULT_MODEL_NEEDED}) when it is the active version of the default model,
	 * which must always have one
	 */
	@Transactional
	public ModelDefinition retire(String code, int version) {
		this.currentUser.require(Permission.MODEL_MANAGE);
		ModelDefinition model = locked(code, version);
		if (ModelDefinition.RETIRED.equals(model.status())) {
			throw new RuleViolationException("MODEL_RETIRED", "assessment.model.retired", id(model));
		}
		if (model.isActive() && defaultModelCode().equals(code)) {
			throw new RuleViolationException("DEFAULT_MODEL_NEEDED", "assessment.model.default-needed", code);
		}
		this.repository.retire(code, version, now());
		this.audit.record(new AuditRecord(null, "scoring-model", id(model), "RETIRED", Map.of("status", model.status()),
				Map.of("status", ModelDefinition.RETIRED), null));
		return version(code, version);
	}

	/** A version as JSON, the format {@link #importJson(String)} reads. */
	@Transactional(readOnly = true)
	public String exportJson(String code, int version) {
		return ModelJson.write(version(code, version));
	}

	/**
	 * Saves a model exported as JSON as a new DRAFT (the next version of its code, or
	 * version 1). Its status, version and activation in the JSON are ignored.
	 * @throws org.credence.shared.InvalidInputException ({@code json}) when the text is
	 * not a model, or with each problem when the model is not valid
	 */
	@Transactional
	public ModelDefinition importJson(String json) {
		this.currentUser.require(Permission.MODEL_MANAGE);
		return createDraft(ModelJson.read(json));
	}

	/**
	 * Reads a model from JSON without saving it (the editor's text).
	 * @throws org.credence.shared.InvalidInputException ({@code json}) when the text is
	 * not a model
	 */
	public ModelDefinition parseJson(String json) {
		return ModelJson.read(json);
	}

	/** A model as JSON, without reading the database (the editor's text). */
	public String toJson(ModelDefinition model) {
		return ModelJson.write(model);
	}

	/** Installs a built-in model as active version 1 unless its code exists. */
	@Transactional
	boolean install(ModelDefinition model) {
		Instant now = now();
		ModelDefinition active = model.asDraft(1).withStatus(ModelDefinition.ACTIVE, CurrentUser.SYSTEM, now);
		ModelValidator.requireValid(active);
		boolean installed = this.repository.insertIfAbsent(active, now);
		if (installed) {
			this.audit.record(new AuditRecord(null, "scoring-model", id(active), "ACTIVATED", null, summary(active),
					"built-in model installed on first start"));
		}
		return installed;
	}

	private ModelDefinition locked(String code, int version) {
		return this.repository.lock(code, version)
			.orElseThrow(() -> new NotFoundException("assessment.model.not-found", code + " v" + version));
	}

	private static void requireDraft(ModelDefinition model) {
		if (!model.isDraft()) {
			throw new RuleViolationException("MODEL_NOT_DRAFT", "assessment.model.not-draft", id(model));
		}
	}

	private static String id(ModelDefinition model) {
		return model.code() + "/v" + model.version();
	}

	private static Map<String, Object> summary(ModelDefinition model) {
		return Map.of("code", model.code(), "version", model.version(), "status", model.status(), "factors",
				model.factors().size(), "grades", model.scale().size());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
