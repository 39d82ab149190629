-- The settlement marker of an invoice whose last allocation is deleted: the trigger of
-- V20261124_0840 summed the allocations left and so found no row for such an invoice,
-- leaving it marked as paid. Every invoice named in the changed rows is now refreshed,
-- with nothing settled when no allocation is left.
create or replace function receivable.refresh_settlement() returns trigger
    language plpgsql as $$
begin
    update receivable.invoice i
       set settled_amount = s.settled,
           settled_on = case when s.settled >= i.amount then s.last_effective end,
           settlement_changed_on = s.changed_on
      from (select c.invoice_id,
                   coalesce(sum(a.amount) filter (where a.reversed_on is null), 0) as settled,
                   max(a.effective_on) filter (where a.reversed_on is null) as last_effective,
                   greatest(max(a.effective_on), max(a.reversed_on)) as changed_on
              from (select distinct invoice_id from changed) c
              left join receivable.allocation a on a.invoice_id = c.invoice_id
             group by c.invoice_id) s
     where i.id = s.invoice_id;
    return null;
end
$$;
