-- Aging in one set-based pass. Each invoice carries what its allocations add up to, kept
-- by the triggers below whoever writes the allocations (the ledger API, an import, COPY):
--   settled_amount         the allocations not reversed, in the invoice's currency;
--   settled_on             when settled_amount covers the invoice: the last effective date
--                          of those allocations. From that day on the invoice is settled on
--                          every later day, so aging as of any day on or after it skips the
--                          invoice without reading its allocations;
--   settlement_changed_on  the last day on which the allocations in force changed (an
--                          allocation took effect or was reversed). Aging as of that day or
--                          later takes settled_amount; only earlier days read the allocations.
alter table receivable.invoice
    add column settled_amount        numeric(19, 2) not null default 0,
    add column settled_on            date,
    add column settlement_changed_on date;

create function receivable.refresh_settlement() returns trigger
    language plpgsql as $$
begin
    update receivable.invoice i
       set settled_amount = s.settled,
           settled_on = case when s.settled >= i.amount then s.last_effective end,
           settlement_changed_on = s.changed_on
      from (select a.invoice_id,
                   coalesce(sum(a.amount) filter (where a.reversed_on is null), 0) as settled,
                   max(a.effective_on) filter (where a.reversed_on is null) as last_effective,
                   greatest(max(a.effective_on), max(a.reversed_on)) as changed_on
              from receivable.allocation a
             where a.invoice_id in (select c.invoice_id from changed c)
             group by a.invoice_id) s
     where i.id = s.invoice_id;
    return null;
end
$$;

create trigger allocation_inserted after insert on receivable.allocation
    referencing new table as changed for each statement execute function receivable.refresh_settlement();
create trigger allocation_updated after update on receivable.allocation
    referencing new table as changed for each statement execute function receivable.refresh_settlement();
create trigger allocation_deleted after delete on receivable.allocation
    referencing old table as changed for each statement execute function receivable.refresh_settlement();

update receivable.invoice i
   set settled_amount = s.settled,
       settled_on = case when s.settled >= i.amount then s.last_effective end,
       settlement_changed_on = s.changed_on
  from (select a.invoice_id,
               coalesce(sum(a.amount) filter (where a.reversed_on is null), 0) as settled,
               max(a.effective_on) filter (where a.reversed_on is null) as last_effective,
               greatest(max(a.effective_on), max(a.reversed_on)) as changed_on
          from receivable.allocation a
         group by a.invoice_id) s
 where i.id = s.invoice_id;

-- The open items of today: what a customer's page and the exposure read most.
create index invoice_unsettled on receivable.invoice (customer_code, due_date) where settled_on is null;

-- The aging's copy of what it shows and filters by about each customer, kept from the
-- customer module's events (and filled in by the aging itself for a customer it has not
-- heard of yet), so the portfolio aging is one query and not one lookup per customer.
create table receivable.aging_customer (
    customer_code  varchar(64)  primary key,
    customer_name  varchar(300) not null,
    owner_username varchar(64),
    industry       varchar(8),
    group_code     varchar(64),
    -- false while the row only holds the code: an invoice came in for a customer the
    -- copy had not heard of (see the trigger below)
    synced         boolean      not null default true
);

create index aging_customer_owner on receivable.aging_customer (owner_username);
create index aging_customer_group on receivable.aging_customer (group_code) where group_code is not null;

-- Every customer with an invoice has a row in the copy, however the invoice was written.
create index aging_customer_unsynced on receivable.aging_customer (customer_code) where not synced;

create function receivable.note_invoiced_customers() returns trigger
    language plpgsql as $$
begin
    insert into receivable.aging_customer (customer_code, customer_name, synced)
    select distinct n.customer_code, n.customer_code, false from inserted n
    on conflict (customer_code) do nothing;
    return null;
end
$$;

create trigger invoice_inserted after insert on receivable.invoice
    referencing new table as inserted for each statement execute function receivable.note_invoiced_customers();

insert into receivable.aging_customer (customer_code, customer_name, synced)
select distinct i.customer_code, i.customer_code, false from receivable.invoice i
on conflict (customer_code) do nothing;

-- Aging as of a past day reads the allocations of the invoices that changed after it.
create index invoice_settlement_changed on receivable.invoice (settlement_changed_on);
