-- Only invoices whose allocations ever changed have a settlement_changed_on, and aging as of a
-- past day asks only for those (settlement_changed_on > the day). A new invoice has none: as a
-- partial index, an import of a million invoices adds nothing to it, instead of a million
-- NULL entries.
drop index receivable.invoice_settlement_changed;
create index invoice_settlement_changed on receivable.invoice (settlement_changed_on)
    where settlement_changed_on is not null;
