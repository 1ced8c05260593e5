import 'server-only';
import type pg from 'pg';

/*
 * A data migration (docs/decisions/014): a change to stored data that SQL cannot express (it needs
 * the application's own parsers), written in TypeScript and run by the migration runner after the
 * SQL migrations. It must be idempotent (a run cut short is simply run again), work in batches of
 * its own transactions (a city may hold thousands of rows), and either change nothing or leave the
 * data in a state the application reads (a half-finished run is one the next run completes).
 */
export interface TDataMigration {
  /** `<timestamp>_<name>`, ordered with the other data migrations by name */
  name: string;
  /** the SQL migration whose tables it needs: it runs only once that one has been applied */
  after: string;
  /** runs on a connection of the tables' owner that holds the migration lock, outside any transaction */
  run: (context: TDataMigrationContext) => Promise<TDataMigrationOutcome>;
}

export interface TDataMigrationContext {
  client: pg.Client;
  name: string;
  log: (message: string) => void;
}

export interface TDataMigrationOutcome {
  /** rows changed; when above 0 the runner records the migration in the audit trail */
  changed: number;
  /** what the operator should know: counts, rows left as they were; stored with the record */
  summary: Record<string, unknown>;
}
