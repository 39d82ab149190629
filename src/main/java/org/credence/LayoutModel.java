package org.credence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the page layout needs on every UI page: the current path (to mark the navigation)
 * and the current URL in each language, so switching language keeps filters and paging.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.isEmpty() ? "/" : path;
	}

	@ModelAttribute("langUrls")
	Map<String, String> langUrls(HttpServletRequest request) {
		Map<String, String> urls = new LinkedHashMap<>();
		for (String tag : new String[] { "zh-CN", "en" }) {
			urls.put(tag,
					ServletUriComponentsBuilder.fromRequest(request)
						.replaceQueryParam("lang", tag)
						.replaceQueryParam("continue")
						.build()
						.toUriString());
		}
		return urls;
	}

}
