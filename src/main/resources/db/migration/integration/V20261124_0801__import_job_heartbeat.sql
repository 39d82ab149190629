-- Several application instances may share the database: a job names the instance that runs
-- it and that instance writes a heartbeat while it lives. Only a job whose heartbeat is
-- older than the configured timeout, or one left by this very instance before it restarted,
-- is dead and marked failed. Jobs from before this change have no owner: their heartbeat is
-- their start, so they are failed once the timeout has passed.
alter table integration.import_job add column owner varchar(200) not null default '';
alter table integration.import_job add column heartbeat_at timestamptz;
update integration.import_job set heartbeat_at = created_at;
alter table integration.import_job alter column heartbeat_at set not null;
