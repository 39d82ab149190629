package org.credence.integration.bank;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.credence.identity.CurrentUser;
import org.credence.identity.Permission;
import org.credence.integration.imports.FileImporter;
import org.credence.integration.imports.ImportMode;
import org.credence.integration.imports.ImportResult;
import org.credence.receivable.BankReceipt;
import org.credence.receivable.BankReceiptEntry;
import org.credence.receivable.BankReceiptStatus;
import org.credence.receivable.BankReceipts;
import org.credence.receivable.BankReceipts.Received;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports bank statements ({@code POST /api/v1/imports/bank-statements}): reads the file
 * (MT940 or camt.053), and hands every credit line to {@link BankReceipts}, which stores
 * and matches it; all in one transaction. Each transaction of a batch entry is its own
 * receipt, unless the transactions do not add up to the entry, when the entry is one
 * receipt. Debit entries and reversals are counted and skipped; a reversed credit (MT940
 * {@code RC}, a bounced receipt) is reported with a warning naming the line, for finance
 * to look at: no payment is reversed automatically. Statements whose balances do not
 * reconcile are imported with a warning.
 * <p>
 * A credit line's key is a hash of the statement's account, number and opening balance
 * (date and amount), the entry's place in the statement and the transaction's place in
 * the entry, with the amount, date, the bank's entry references and the payer's
 * end-to-end id; not the delivery reference (MT940 {@code :20:}), which banks change when
 * they deliver a statement again. The same statement imported again gives the same keys,
 * while lines that look identical (the same payer, amount and day) keep distinct keys by
 * their place.
 */
@Component
public class BankStatementImporter implements FileImporter {

	private final BankReceipts receipts;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	BankStatementImporter(BankReceipts receipts, CurrentUser currentUser, MessageSource messages,
			PlatformTransactionManager transactionManager) {
		this.receipts = receipts;
		this.currentUser = currentUser;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public String kind() {
		return "bank-statements";
	}

	@Override
	public void authorise() {
		this.currentUser.require(Permission.RECEIVABLE_WRITE);
	}

	@Override
	public ImportResult importFile(byte[] content, ImportMode mode) {
		BankStatementImport report = importStatements(content);
		Locale locale = LocaleContextHolder.getLocale();
		List<ImportResult.RowWarning> warnings = report.warnings()
			.stream()
			.map(w -> new ImportResult.RowWarning(w.entry(),
					this.messages.getMessage(w.messageCode(), w.arguments(), w.messageCode(), locale)))
			.toList();
		return new ImportResult(report.entries(), report.entries(), 0, List.of(), 0, warnings);
	}

	/**
	 * Imports a statement file and reports what became of each line.
	 * @throws org.credence.shared.InvalidInputException (on {@code file}) when the file
	 * cannot be read
	 */
	public BankStatementImport importStatements(byte[] content) {
		authorise();
		List<BankStatement> statements = BankStatementFiles.read(content);
		List<BankReceiptEntry> lines = new ArrayList<>();
		List<Integer> lineEntries = new ArrayList<>();
		List<BankStatementImport.Warning> warnings = new ArrayList<>();
		Set<String> formats = new LinkedHashSet<>();
		int entries = 0;
		int debits = 0;
		for (BankStatement statement : statements) {
			formats.add(statement.format());
			if (!statement.reconciles()) {
				warnings.add(new BankStatementImport.Warning(entries + (statement.entries().isEmpty() ? 0 : 1),
						"integration.bank.balance.unreconciled", statement.account(),
						String.valueOf(statement.sequence()), plain(statement.opening().amount()),
						plain(statement.movement()), plain(statement.opening().amount().add(statement.movement())),
						plain(statement.closing().amount()), statement.currency()));
			}
			for (StatementEntry entry : statement.entries()) {
				entries++;
				if (!entry.isReceipt()) {
					if (entry.isReversedCredit()) {
						warnings.add(new BankStatementImport.Warning(entries, "integration.bank.credit.reversed",
								plain(entry.amount()), entry.currency(), entry.bookingDate().toString(),
								entry.bankReference() != null ? entry.bankReference()
										: entry.customerReference() != null ? entry.customerReference() : "—"));
					}
					debits++;
					continue;
				}
				List<StatementTransaction> transactions = entry.transactions();
				BigDecimal sum = transactions.stream()
					.map(StatementTransaction::amount)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
				boolean split = transactions.size() > 1 && sum.compareTo(entry.amount()) == 0
						&& transactions.stream().allMatch(t -> t.currency().equals(entry.currency()));
				if (transactions.size() > 1 && !split) {
					warnings.add(new BankStatementImport.Warning(entries, "integration.bank.batch.unsplit",
							plain(entry.amount()), plain(sum)));
				}
				if (split) {
					for (int t = 0; t < transactions.size(); t++) {
						lines.add(line(statement, entry, transactions.get(t), t + 1, false));
						lineEntries.add(entries);
					}
				}
				else {
					lines.add(line(statement, entry, transactions.get(0), transactions.size() == 1 ? 1 : 0, true));
					lineEntries.add(entries);
				}
			}
		}
		List<Received> received = this.transaction.execute(status -> this.receipts.receive(lines));
		int matched = 0;
		int unmatched = 0;
		int already = 0;
		List<BankReceipt> stored = new ArrayList<>();
		for (int i = 0; i < received.size(); i++) {
			BankReceipt receipt = received.get(i).receipt();
			stored.add(receipt);
			if (!received.get(i).isNew()) {
				already++;
			}
			if (receipt.status() == BankReceiptStatus.MATCHED || receipt.status() == BankReceiptStatus.ASSIGNED) {
				matched++;
			}
			else if (receipt.status() == BankReceiptStatus.UNMATCHED) {
				unmatched++;
				warnings.add(new BankStatementImport.Warning(lineEntries.get(i), "integration.bank.unmatched",
						plain(receipt.amount()), receipt.currency(),
						receipt.payerName() != null ? receipt.payerName()
								: receipt.remittance() != null ? abbreviate(receipt.remittance()) : "—",
						new DefaultMessageSourceResolvable("receivable.bank-receipt.reason." + receipt.reasonCode())));
			}
		}
		warnings.sort(java.util.Comparator.comparingInt(BankStatementImport.Warning::entry));
		return new BankStatementImport(List.copyOf(formats), statements.size(), entries, lines.size(), matched,
				unmatched, already, debits, stored, warnings);
	}

	private static BankReceiptEntry line(BankStatement statement, StatementEntry entry,
			StatementTransaction transaction, int transactionPosition, boolean wholeEntry) {
		BigDecimal amount = wholeEntry ? entry.amount() : transaction.amount();
		String currency = wholeEntry ? entry.currency() : transaction.currency();
		String key = key(statement, entry, transaction, transactionPosition, amount);
		String remittance = transaction.searchableText();
		if (entry.transactions().size() == 1 && entry.entryText() != null) {
			remittance = remittance.isEmpty() ? entry.entryText() : remittance + " " + entry.entryText();
		}
		return new BankReceiptEntry(key, statement.format(), statement.account(), statement.reference(),
				entry.bookingDate(), entry.valueDate(), amount, currency, transaction.counterpartyName(),
				transaction.counterpartyAccount(), remittance.isEmpty() ? null : remittance, transaction.endToEndId(),
				entry.bankReference());
	}

	/**
	 * What identifies a booked line, whoever delivers the statement and however often:
	 * the account, the statement's number and opening balance, the line's place, amount
	 * and date, and the references the bank gives the entry and the payer gave the
	 * transaction. The delivery reference (MT940 {@code :20:}, camt {@code Stmt/Id}) is
	 * left out: banks give a re-delivered statement a new one.
	 */
	static String key(BankStatement statement, StatementEntry entry, StatementTransaction transaction,
			int transactionPosition, BigDecimal amount) {
		String identity = String.join("|", statement.account(), String.valueOf(statement.sequence()),
				statement.opening() == null ? "" : statement.opening().date().toString(),
				statement.opening() == null ? "" : statement.opening().amount().toPlainString(),
				String.valueOf(entry.position()), String.valueOf(transactionPosition), amount.toPlainString(),
				entry.currency(), entry.bookingDate().toString(), String.valueOf(entry.bankReference()),
				String.valueOf(entry.customerReference()), String.valueOf(entry.entryText()),
				String.valueOf(transaction.endToEndId()));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 59) + "…";
	}

	private static String plain(BigDecimal amount) {
		return amount.toPlainString();
	}

}
