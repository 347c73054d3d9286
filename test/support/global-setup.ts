/**
 * Starts one PostgreSQL cluster for the whole test run and hands its URL to
 * the test files. Without PostgreSQL binaries the PostgreSQL variants are
 * skipped with a loud warning, except in CI (CI=true), where that fails the run.
 */
import type { TestProject } from 'vitest/node';
import { PG_BIN, postgresAvailable, startPostgresCluster, type PostgresCluster } from './postgres-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

let cluster: PostgresCluster | null = null;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.ZHIBAN_TEST_POSTGRES_URL) {
    project.provide('postgresUrl', process.env.ZHIBAN_TEST_POSTGRES_URL);
    return;
  }
  if (!postgresAvailable()) {
    const message = `PostgreSQL binaries not found in ${PG_BIN}: the PostgreSQL variants of the repository tests are SKIPPED.`;
    if (process.env.CI === 'true') throw new Error(`${message} CI requires them; install postgresql-15.`);
    process.stderr.write(`\n\n!!!!!!!! ${message} !!!!!!!!\n\n`);
    project.provide('postgresUrl', null);
    return;
  }
  cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url);
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
