package org.credence.limit.application;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.credence.identity.AuditRecord;
import org.credence.identity.AuditTrail;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.identity.Role;
import org.credence.shared.InvalidInputException;
import org.credence.shared.InvalidInputException.FieldProblem;
import org.credence.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval matrix (审批矩阵): which steps an application needs, by the resulting limit in
 * company currency and the customer's risk. Versioned: every save is a new version and
 * audited; the highest version is in force. An application keeps the route it was given
 * at submission.
 */
@Service
public class ApprovalMatrix {

	/** The roles a step may name: those that hold {@code limit:approve}. */
	public static final List<Role> APPROVER_ROLES = List.of(Role.values())
		.stream()
		.filter(r -> r != Role.ADMIN && r.permissions().contains(Permission.LIMIT_APPROVE))
		.toList();

	private final JdbcClient jdbc;

	private final AuditTrail auditTrail;

	private final CurrentUser currentUser;

	private final Clock clock;

	ApprovalMatrix(JdbcClient jdbc, AuditTrail auditTrail, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.auditTrail = auditTrail;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** The matrix in force. */
	@Transactional(readOnly = true)
	public Matrix active() {
		int version = this.jdbc.sql("select max(version) from credit_limit.approval_matrix")
			.query(Integer.class)
			.single();
		return version(version);
	}

	/** One version of the matrix. */
	@Transactional(readOnly = true)
	public Matrix version(int version) {
		Matrix head = this.jdbc.sql("select * from credit_limit.approval_matrix where version = :v")
			.param("v", version)
			.query((rs, n) -> new Matrix(rs.getInt("version"), rs.getString("note"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
					List.of()))
			.optional()
			.orElseThrow(() -> new NotFoundException("limit.matrix.not-found", version));
		List<Band> bands = this.jdbc
			.sql("select * from credit_limit.approval_band where version = :v order by position")
			.param("v", version)
			.query((rs, n) -> new Band(BandKind.valueOf(rs.getString("kind")), rs.getBigDecimal("max_amount"),
					parseSteps(rs.getString("steps"))))
			.list();
		return new Matrix(head.version(), head.note(), head.createdAt(), head.createdBy(), sorted(bands));
	}

	/** Every version, newest first, without bands. */
	@Transactional(readOnly = true)
	public List<Matrix> versions() {
		return this.jdbc.sql("select * from credit_limit.approval_matrix order by version desc")
			.query((rs, n) -> new Matrix(rs.getInt("version"), rs.getString("note"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
					List.of()))
			.list();
	}

	/**
	 * Saves the bands as a new version in force from now. Needs {@code limit:policy}.
	 * @throws InvalidInputException for a band without steps, an unknown role, a required
	 * count below 1, amount bands without a last open band, or a missing HIGH_RISK or
	 * DECREASE band
	 */
	@Transactional
	public Matrix save(List<Band> bands, @Nullable String note) {
		this.currentUser.require(Permission.POLICY_MANAGE);
		List<FieldProblem> problems = problems(bands);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('credit_limit.approval_matrix'))").query().singleRow();
		Matrix before = active();
		int version = before.version() + 1;
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into credit_limit.approval_matrix (version, note, created_at, created_by)
				values (:v, :note, :at, :by)
				""")
			.param("v", version)
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.param("by", this.currentUser.username())
			.update();
		List<Band> ordered = sorted(bands);
		int position = 1;
		for (Band band : ordered) {
			this.jdbc.sql("""
					insert into credit_limit.approval_band (version, position, kind, max_amount, steps)
					values (:v, :p, :kind, :max, :steps)
					""")
				.param("v", version)
				.param("p", position++)
				.param("kind", band.kind().name())
				.param("max", band.maxAmount())
				.param("steps", band.stepsText())
				.update();
		}
		Matrix after = version(version);
		this.auditTrail.record(new AuditRecord("approval-matrix", "APPROVAL_MATRIX", Integer.toString(version), "SAVED",
				describe(before), describe(after), note));
		return after;
	}

	/**
	 * The band that routes an application: DECREASE for a decrease, HIGH_RISK for a
	 * high-risk or unrated customer, otherwise the first amount band whose maximum is at
	 * least the amount (or the open last one).
	 */
	public static Band route(Matrix matrix, boolean decrease, boolean highRisk, BigDecimal amount) {
		if (decrease) {
			return matrix.band(BandKind.DECREASE);
		}
		if (highRisk) {
			return matrix.band(BandKind.HIGH_RISK);
		}
		return matrix.bands()
			.stream()
			.filter(b -> b.kind() == BandKind.AMOUNT)
			.filter(b -> b.maxAmount() == null || amount.compareTo(b.maxAmount()) <= 0)
			.min(java.util.Comparator.comparing(Band::maxAmount,
					java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.orElseThrow();
	}

	/** Problems of a matrix as typed, by field ({@code bands[i].steps}, ...). */
	public static List<FieldProblem> problems(List<Band> bands) {
		List<FieldProblem> problems = new ArrayList<>();
		int openAmount = 0;
		int highRisk = 0;
		int decrease = 0;
		for (int i = 0; i < bands.size(); i++) {
			Band band = bands.get(i);
			String field = "bands[" + i + "]";
			if (band.steps().isEmpty()) {
				problems.add(new FieldProblem(field + ".steps", "limit.matrix.steps.empty"));
			}
			for (StepRule step : band.steps()) {
				if (!APPROVER_ROLES.contains(step.role())) {
					problems.add(new FieldProblem(field + ".steps", "limit.matrix.steps.invalid", step.role().name()));
				}
				if (step.required() < 1 || step.required() > 9) {
					problems.add(new FieldProblem(field + ".steps", "limit.matrix.required.range"));
				}
			}
			if (band.maxAmount() != null && band.maxAmount().signum() <= 0) {
				problems.add(new FieldProblem(field + ".maxAmount", "limit.matrix.max.positive"));
			}
			switch (band.kind()) {
				case AMOUNT -> openAmount += band.maxAmount() == null ? 1 : 0;
				case HIGH_RISK -> highRisk++;
				case DECREASE -> decrease++;
			}
		}
		if (openAmount != 1) {
			problems.add(new FieldProblem("bands", "limit.matrix.open-band"));
		}
		if (highRisk != 1 || decrease != 1) {
			problems.add(new FieldProblem("bands", "limit.matrix.special-bands"));
		}
		return problems;
	}

	/**
	 * Steps as stored: {@code ROLE:required} separated by commas.
	 * @throws InvalidInputException for an unknown role or a malformed entry
	 */
	public static List<StepRule> parseSteps(@Nullable String text) {
		List<StepRule> steps = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return steps;
		}
		for (String part : text.split("[,;\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			String[] bits = part.strip().split(":");
			try {
				Role role = Role.valueOf(bits[0].strip().toUpperCase(Locale.ROOT));
				if (!APPROVER_ROLES.contains(role) || bits.length > 2) {
					throw new IllegalArgumentException(part);
				}
				int required = bits.length == 2 ? Integer.parseInt(bits[1].strip()) : 1;
				steps.add(new StepRule(role, required));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("steps", "limit.matrix.steps.invalid", part);
			}
		}
		return steps;
	}

	private static List<Band> sorted(List<Band> bands) {
		List<Band> sorted = new ArrayList<>(bands);
		sorted.sort((a, b) -> {
			if (a.kind() != b.kind()) {
				return Integer.compare(order(a.kind()), order(b.kind()));
			}
			if (a.maxAmount() == null || b.maxAmount() == null) {
				return a.maxAmount() == null ? (b.maxAmount() == null ? 0 : 1) : -1;
			}
			return a.maxAmount().compareTo(b.maxAmount());
		});
		return sorted;
	}

	private static int order(BandKind kind) {
		return switch (kind) {
			case AMOUNT -> 0;
			case HIGH_RISK -> 1;
			case DECREASE -> 2;
		};
	}

	private static Map<String, Object> describe(Matrix matrix) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("version", matrix.version());
		state.put("bands",
				matrix.bands()
					.stream()
					.map(b -> b.kind() + (b.maxAmount() == null ? "" : " <= " + b.maxAmount().toPlainString()) + ": "
							+ b.stepsText())
					.toList());
		return state;
	}

	/** The kinds of band. */
	public enum BandKind {

		/** By the resulting limit in company currency, up to its maximum. */
		AMOUNT,
		/** High-risk or unrated customers, any amount. */
		HIGH_RISK,
		/** Decreases, any amount. */
		DECREASE

	}

	/** A step of a band: {@code required} distinct approvers holding {@code role}. */
	public record StepRule(Role role, int required) {
	}

	/** A band of the matrix; an AMOUNT band without maximum takes every larger amount. */
	public record Band(BandKind kind, @Nullable BigDecimal maxAmount, List<StepRule> steps) {

		public String stepsText() {
			return String.join(",", this.steps.stream().map(s -> s.role().name() + ":" + s.required()).toList());
		}

	}

	/** A version of the matrix. */
	public record Matrix(int version, @Nullable String note, Instant createdAt, String createdBy, List<Band> bands) {

		public Band band(BandKind kind) {
			return this.bands.stream().filter(b -> b.kind() == kind).findFirst().orElseThrow();
		}

	}

}
