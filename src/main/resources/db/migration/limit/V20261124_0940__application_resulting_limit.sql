-- The limit an application results in, in its currency: the amount asked for, or for a
-- temporary increase the line's effective limit when submitted plus the increase. The
-- route (routing_amount, in company currency) and the flags are both taken from it.
alter table credit_limit.credit_application add column resulting_limit numeric(19, 2);

update credit_limit.credit_application
   set resulting_limit = case when type = 'TEMPORARY' then coalesce(current_limit, 0) + amount else amount end;

alter table credit_limit.credit_application alter column resulting_limit set not null;
