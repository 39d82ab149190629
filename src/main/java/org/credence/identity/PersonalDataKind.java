package org.credence.identity;

/**
 * The kinds of personal data Credence keeps about contact persons; each is masked its own
 * way.
 */
public enum PersonalDataKind {

	/** 李明 → 李*, Anna Smith → A*** S**** */
	NAME,
	/** 13812345678 → 138****5678 */
	PHONE,
	/** li.ming@example.com → l******@example.com */
	EMAIL

}
