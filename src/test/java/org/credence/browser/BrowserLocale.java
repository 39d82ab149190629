package org.credence.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The browser's language for a test method or class, as a BCP 47 tag: the browser sends
 * it as {@code Accept-Language}. Without it the browser is Chinese, like most of
 * Credence's users.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface BrowserLocale {

	String CHINESE = "zh-CN";

	String ENGLISH = "en-US";

	String value();

}
