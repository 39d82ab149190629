package org.credence.limit.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.limit.application.ApprovalMatrix;
import org.credence.limit.application.ApprovalMatrix.Band;
import org.credence.limit.application.ApprovalMatrix.BandKind;
import org.credence.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The approval matrix page: the bands in force and their history for every reader of
 * credit lines; credit managers ({@code limit:policy}) save a new version.
 */
@Controller
@RequestMapping("/limits/approval-matrix")
@PreAuthorize("hasAuthority('limit:read')")
class ApprovalMatrixController {

	private final ApprovalMatrix matrix;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	ApprovalMatrixController(ApprovalMatrix matrix, CurrentUser currentUser, MessageSource messages) {
		this.matrix = matrix;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping
	String show(Model model) {
		ApprovalMatrix.Matrix active = this.matrix.active();
		List<BandRow> rows = new ArrayList<>();
		for (Band band : active.bands()) {
			rows.add(new BandRow(band.kind().name(),
					band.maxAmount() == null ? "" : band.maxAmount().stripTrailingZeros().toPlainString(),
					band.stepsText()));
		}
		return page(model, active, rows, Map.of());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('limit:policy')")
	String save(@RequestParam(name = "kind", required = false) @Nullable List<String> kinds,
			@RequestParam(name = "maxAmount", required = false) @Nullable List<String> maxAmounts,
			@RequestParam(name = "steps", required = false) @Nullable List<String> steps,
			@RequestParam(required = false) @Nullable String note, Model model) {
		List<BandRow> rows = new ArrayList<>();
		int count = kinds == null ? 0 : kinds.size();
		for (int i = 0; i < count; i++) {
			rows.add(new BandRow(kinds.get(i), value(maxAmounts, i), value(steps, i)));
		}
		try {
			List<Band> bands = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				BandRow row = rows.get(i);
				if (row.kind().equals("AMOUNT") && row.maxAmount().isBlank() && row.steps().isBlank()) {
					continue;
				}
				BigDecimal max;
				try {
					max = row.maxAmount().isBlank() ? null : new BigDecimal(row.maxAmount().replace(",", "").strip());
				}
				catch (NumberFormatException ex) {
					throw new InvalidInputException("bands[" + i + "].maxAmount", "limit.matrix.max.positive");
				}
				BandKind kind;
				try {
					kind = BandKind.valueOf(row.kind().strip());
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidInputException("bands[" + i + "].kind", "limit.matrix.kind.invalid", row.kind());
				}
				bands.add(new Band(kind, max, ApprovalMatrix.parseSteps(row.steps())));
			}
			this.matrix.save(bands, note);
			return "redirect:/limits/approval-matrix?saved";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("note", note);
			return page(model, this.matrix.active(), rows, ApplicationProblems.messages(ex, this.messages));
		}
	}

	private String page(Model model, ApprovalMatrix.Matrix active, List<BandRow> rows, Map<String, String> errors) {
		List<BandRow> editable = new ArrayList<>(rows);
		editable.add(new BandRow("AMOUNT", "", ""));
		model.addAttribute("matrix", active);
		model.addAttribute("rows", editable);
		model.addAttribute("history", this.matrix.versions());
		model.addAttribute("errors", errors);
		model.addAttribute("canManage", this.currentUser.has(Permission.POLICY_MANAGE));
		model.addAttribute("roles", ApprovalMatrix.APPROVER_ROLES);
		return "limit/matrix";
	}

	private static String value(@Nullable List<String> values, int i) {
		return values == null || values.size() <= i || values.get(i) == null ? "" : values.get(i);
	}

	/** A band as shown in the editor. */
	record BandRow(String kind, String maxAmount, String steps) {
	}

}
