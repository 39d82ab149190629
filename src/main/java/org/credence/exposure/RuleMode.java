package org.credence.exposure;

/** What a credit check rule does when it applies. */
public enum RuleMode {

	OFF, WARN, BLOCK

}
