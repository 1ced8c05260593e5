/*
 * The migrated database must be what prisma/schema.prisma describes. Prisma's own check
 * (`prisma migrate diff`) needs the native schema engine, which these machines cannot download,
 * so this test compares the two itself: Prisma's DMMF of the schema (from its WebAssembly schema
 * module) against PostgreSQL's catalog after all migrations ran (a partitioned table as its parent).
 * Partial indexes and triggers, which Prisma's schema language cannot express, are left out.
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { createFreshDatabase } from '../support/test-database';

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[]; indexes: DmmfIndex[] };
}

const SCALAR_TYPES: Record<string, string> = { String: 'text', Int: 'integer', BigInt: 'bigint', Boolean: 'boolean', Float: 'double precision', Json: 'jsonb', DateTime: 'timestamp(3) without time zone' };
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => 'uuid',
  Date: () => 'date',
  Timestamptz: (args) => `timestamp(${args[0] ?? 6}) with time zone`,
  Timestamp: (args) => `timestamp(${args[0] ?? 6}) without time zone`,
  Text: () => 'text',
};
// Defaults that Prisma writes into the database; uuid() and cuid() are filled in by the client.
const DB_DEFAULT_FUNCTIONS = new Set(['now', 'autoincrement', 'dbgenerated', 'sequence']);

function expectedFromSchema(dmmf: Dmmf) {
  const models = dmmf.datamodel.models;
  const table = (model: string) => {
    const m = models.find((x) => x.name === model)!;
    return m.dbName ?? m.name;
  };
  const column = (model: string, field: string) => {
    const f = models.find((x) => x.name === model)!.fields.find((x) => x.name === field)!;
    return f.dbName ?? f.name;
  };
  const enums = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  const columns: string[] = [];
  const foreignKeys: string[] = [];
  for (const model of models) {
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const from = field.relationFromFields.map((f) => column(model.name, f)).join(',');
          const to = (field.relationToFields ?? []).map((f) => column(field.type, f)).join(',');
          const onDelete = (field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')).toUpperCase();
          foreignKeys.push(`${table(model.name)}(${from}) -> ${table(field.type)}(${to}) on delete ${onDelete}`);
        }
        continue;
      }
      const type =
        field.kind === 'enum'
          ? field.type
          : field.nativeType
            ? NATIVE_TYPES[field.nativeType[0]]!(field.nativeType[1])
            : SCALAR_TYPES[field.type]!;
      const fn = typeof field.default === 'object' && field.default && 'name' in field.default ? String((field.default as { name: string }).name) : null;
      const dbDefault = field.hasDefaultValue && (fn === null || DB_DEFAULT_FUNCTIONS.has(fn));
      // Prisma leaves scalar-list columns nullable in PostgreSQL (an absent list reads as []).
      const notNull = field.isRequired && !field.isList;
      columns.push(`${model.dbName ?? model.name}.${field.dbName ?? field.name} ${type}${field.isList ? '[]' : ''} ${notNull ? 'not null' : 'null'}${dbDefault ? ' default' : ''}`);
    }
  }
  const indexes = dmmf.datamodel.indexes
    .filter((i) => i.type !== 'fulltext')
    .map((i) => `${table(i.model)}(${i.fields.map((f) => column(i.model, f.name)).join(',')}) ${i.type === 'normal' ? 'index' : i.type === 'id' ? 'primary' : 'unique'}`);
  return { enums, columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
}

async function actualFromDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const enumRows = (
      await client.query<{ name: string; value: string }>(
        `SELECT t.typname AS name, e.enumlabel AS value FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
         JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' ORDER BY t.typname, e.enumsortorder`,
      )
    ).rows;
    const enums: Record<string, string[]> = {};
    for (const r of enumRows) (enums[r.name] ??= []).push(r.value);

    const columns = (
      await client.query<{ d: string }>(
        `SELECT c.relname || '.' || a.attname || ' ' ||
                CASE WHEN t.typtype = 'e' THEN t.typname
                     WHEN et.typtype = 'e' THEN et.typname || '[]'
                     ELSE format_type(a.atttypid, a.atttypmod) END ||
                CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END ||
                CASE WHEN a.atthasdef THEN ' default' ELSE '' END AS d
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`,
      )
    ).rows.map((r) => r.d);

    const indexes = (
      await client.query<{ d: string }>(
        `SELECT c.relname || '(' || string_agg(a.attname, ',' ORDER BY k.ord) || ') ' ||
                CASE WHEN i.indisprimary THEN 'primary' WHEN i.indisunique THEN 'unique' ELSE 'index' END AS d
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
         WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations' AND i.indpred IS NULL AND NOT c.relispartition
         GROUP BY c.relname, i.indexrelid, i.indisprimary, i.indisunique`,
      )
    ).rows.map((r) => r.d);

    const foreignKeys = (
      await client.query<{ d: string }>(
        `SELECT src.relname || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n) || ') -> ' ||
                dst.relname || '(' || (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(n, ord) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n) || ') on delete ' ||
                CASE con.confdeltype WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SETNULL' WHEN 'd' THEN 'SETDEFAULT' ELSE 'NOACTION' END AS d
         FROM pg_constraint con JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = src.relnamespace WHERE con.contype = 'f' AND n.nspname = 'public' AND con.conparentid = 0`,
      )
    ).rows.map((r) => r.d);
    return { enums, columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort() };
  } finally {
    await client.end();
  }
}

describe('schema drift', () => {
  let fresh: Awaited<ReturnType<typeof createFreshDatabase>>;
  beforeAll(async () => {
    fresh = await createFreshDatabase(inject('adminDatabaseUrl'), 'isms_drift');
    await migrateDatabase({ databaseUrl: fresh.url });
  });
  afterAll(async () => fresh?.drop());

  it('the migrated database matches prisma/schema.prisma', async () => {
    const schema = await readFile('prisma/schema.prisma', 'utf8');
    const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
    const expected = expectedFromSchema(dmmf);
    const actual = await actualFromDatabase(fresh.url);
    expect(expected.columns.length).toBeGreaterThan(10);
    expect(actual).toEqual(expected);
  });
});
