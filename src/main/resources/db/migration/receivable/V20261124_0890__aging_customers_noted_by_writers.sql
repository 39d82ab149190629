-- The writers of invoices (LedgerRepository.insertInvoice, one invoice; InvoiceStaging.insert,
-- a file) now give a customer the aging's copy does not know its row themselves, once per
-- statement. The statement trigger of V20261124_0840 did the same for any writer, but its
-- transition table holds every inserted row: about 2.5 s of an import of a million invoices.
-- Whoever writes invoices around these two (COPY, psql) must add the customers to
-- receivable.aging_customer too (synced = false: the aging then fills them in).
drop trigger invoice_inserted on receivable.invoice;
drop function receivable.note_invoiced_customers();
