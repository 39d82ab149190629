package org.credence.assessment.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.credence.assessment.Assessments;
import org.credence.assessment.ReviewDue;
import org.credence.assessment.rating.BatchRun;
import org.credence.assessment.rating.Reassessment;
import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.shared.NotFoundException;
import org.credence.shared.PageResult;
import org.credence.shared.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The review queue (复评队列): customers whose review is due or who were never assessed, with
 * a link to assess each, and the batch re-assessment with its progress.
 */
@Controller
class ReviewQueueController {

	private final Assessments assessments;

	private final Reassessment reassessment;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	ReviewQueueController(Assessments assessments, Reassessment reassessment, CurrentUser currentUser,
			MessageSource messages) {
		this.assessments = assessments;
		this.reassessment = reassessment;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping("/assessment/reviews")
	String reviews(@RequestParam(required = false) @Nullable String sort,
			@RequestParam(required = false) @Nullable String dir,
			@RequestParam(required = false) @Nullable Integer page, Model model) {
		boolean descending = "desc".equals(dir);
		PageResult<ReviewDue> reviews = this.assessments.reviewsDue(sort, descending, Paging.of(page, 50));
		model.addAttribute("reviews", reviews);
		model.addAttribute("sort", sort == null ? "due" : sort);
		model.addAttribute("dir", descending ? "desc" : "asc");
		model.addAttribute("neverAssessed", reviews.items().stream().filter(ReviewDue::isNeverAssessed).count());
		Map<String, String> pageUrls = new LinkedHashMap<>();
		pageUrls.put("previous",
				ServletUriComponentsBuilder.fromCurrentRequest()
					.replaceQueryParam("page", Math.max(0, reviews.page() - 1))
					.build()
					.toUriString());
		pageUrls.put("next",
				ServletUriComponentsBuilder.fromCurrentRequest()
					.replaceQueryParam("page", reviews.page() + 1)
					.build()
					.toUriString());
		model.addAttribute("pageUrls", pageUrls);
		if (this.currentUser.has(Permission.ASSESSMENT_RUN)) {
			model.addAttribute("run", this.reassessment.latest().orElse(null));
		}
		return "assessment/review-queue";
	}

	@PostMapping("/assessment/reviews/runs")
	String startRun(RedirectAttributes redirect) {
		this.currentUser.require(Permission.MODEL_MANAGE);
		Reassessment.Start start = this.reassessment.start(Reassessment.MANUAL, null);
		redirect.addFlashAttribute(start.started() ? "flashSuccess" : "flashWarning",
				this.messages.getMessage(start.started() ? "assessment.run.started" : "assessment.run.joined",
						new Object[] { start.run().id() }, LocaleContextHolder.getLocale()));
		return "redirect:/assessment/reviews";
	}

	@GetMapping("/assessment/runs/{id}/progress")
	String progress(@PathVariable long id, Model model) {
		this.currentUser.require(Permission.ASSESSMENT_RUN);
		BatchRun run = this.reassessment.find(id)
			.orElseThrow(() -> new NotFoundException("assessment.run.not-found", id));
		model.addAttribute("run", run);
		return "assessment/review-queue :: progress";
	}

}
