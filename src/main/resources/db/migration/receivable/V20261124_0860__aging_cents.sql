-- The portfolio aging sums integers. Each invoice carries what is open of it, in cents,
-- in its own currency and in company currency (at the invoice's own rate, to the fen,
-- HALF_UP, as Conversion.toCompany does), computed by the database from amount and the
-- settled_amount the allocation triggers keep: nobody writes these columns.
-- A sum of bigint costs a fraction of a sum of numeric, and no expression is left to
-- evaluate per row in the aging's hot path.
alter table receivable.invoice
    add column open_cents bigint generated always as (((amount - settled_amount) * 100)::bigint) stored,
    add column company_open_cents bigint generated always as (
        (case when settled_amount = 0 then company_amount
              else round((amount - settled_amount) * fx_rate, 2) end * 100)::bigint) stored;

-- The open items of today, with all the portfolio aging reads of them, so that it scans
-- this index alone (an index-only scan) and not the wide invoice rows. Replaces the
-- partial index of V20261124_0840 (same predicate, the currency added to the key so that the rows come grouped by customer and currency).
drop index receivable.invoice_unsettled;
create index invoice_unsettled on receivable.invoice (customer_code, currency, due_date)
    include (issue_date, settlement_changed_on, open_cents, company_open_cents)
    where settled_on is null;
