-- The facts behind an unmatched receipt's reason, as message codes with arguments
-- ([{"code": …, "customers": [[…]], "values": […]}]), rendered in the reader's language;
-- reason_detail keeps only the English text of receipts stored before.
alter table receivable.bank_receipt add column reason_notes jsonb;

-- A receipt keeps its amount exactly as the bank booked it, also in currencies with three
-- (KWD, BHD …) or four minor digits; such a receipt waits in the queue (AMOUNT_SCALE),
-- because the ledger keeps two decimals.
alter table receivable.bank_receipt alter column amount type numeric(19, 4);
