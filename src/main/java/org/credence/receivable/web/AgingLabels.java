package org.credence.receivable.web;

import java.util.List;

import org.credence.receivable.AgingBasis;
import org.credence.receivable.AgingBucket;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Aging bucket names in the reader's language ({@code ${@agingLabels.label(...)}} in
 * templates): "not yet due", "1–30 days", "over 365 days".
 */
@Component("agingLabels")
public class AgingLabels {

	private final MessageSource messages;

	AgingLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String label(AgingBucket bucket, AgingBasis basis) {
		Integer from = bucket.fromDays();
		Integer to = bucket.toDays();
		if (from == null) {
			return basis == AgingBasis.DUE && to != null && to == 0 ? msg("receivable.bucket.not-due")
					: msg("receivable.bucket.up-to", to);
		}
		if (to == null) {
			return msg("receivable.bucket.over", from - 1);
		}
		return msg("receivable.bucket.range", from, to);
	}

	public List<String> labels(List<AgingBucket> buckets, AgingBasis basis) {
		return buckets.stream().map(bucket -> label(bucket, basis)).toList();
	}

	private String msg(String code, @Nullable Object... arguments) {
		return this.messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

}
