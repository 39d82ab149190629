package org.credence.receivable.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.credence.receivable.AccountStatements;
import org.credence.receivable.IssuedStatement;

import org.springframework.stereotype.Component;

/**
 * What the account statement section of the Receivables tab shows, fetched by the
 * fragment itself ({@code ${@accountStatementPanel.of(code)}}) so the tab's controller
 * needs no change: the last full month as the default period and the statements issued.
 */
@Component("accountStatementPanel")
public class AccountStatementPanel {

	private final AccountStatements statements;

	private final Clock clock;

	AccountStatementPanel(AccountStatements statements, Clock clock) {
		this.statements = statements;
		this.clock = clock;
	}

	public Panel of(String customerCode) {
		LocalDate firstOfMonth = LocalDate.now(this.clock).withDayOfMonth(1);
		return new Panel(firstOfMonth.minusMonths(1), firstOfMonth.minusDays(1), this.statements.issued(customerCode));
	}

	/**
	 * @param from the first day of last month
	 * @param to the last day of last month
	 */
	public record Panel(LocalDate from, LocalDate to, List<IssuedStatement> issued) {
	}

}
