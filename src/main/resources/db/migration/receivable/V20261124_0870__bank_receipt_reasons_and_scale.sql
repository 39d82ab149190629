-- The facts behind an unmatched receipt's reason, as message codes with arguments
-- ([{"code": …, "customers": [[…]], "values": […]}]), rendered in the reader's language;
-- reason_detail keeps only the English text of receipts stored before.
alter table receivable.bank_receipt add column reason_notes jsonb;
