package org.credence.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.credence.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole application on a random port, driven through Debian's Chromium by Playwright.
 * One Chromium serves every browser test in the JVM; each test gets a fresh
 * {@link com.microsoft.playwright.BrowserContext} (no cookies, the locale of
 * {@link BrowserLocale}) and its {@link com.microsoft.playwright.Page}, both pointed at
 * the application, as parameters of type {@code Page}, {@code BrowserContext} or
 * {@link BrowserSession}.
 * <p>
 * Without Chromium (see {@link Chromium}) the tests are skipped, unless
 * {@code CREDENCE_BROWSER_TESTS=required}, as in CI, makes that a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {

}
