import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';

/**
 * The raw-SQL floors: the leanest honest hand-written server for an operation, here the PortalList
 * operation of a partner's member (PartnerList's is in bench/partner-floor.ts; both share the server,
 * the executor and the helpers below). Three statements travel in one round trip (one multi-statement query): the page with its
 * sector and commune joined, the count, and the contacts of the page's consenting organizations (holder
 * first). Node assembles the JSON, in the GraphQL answer's key order. An earlier floor built the whole
 * body in PostgreSQL with `json_build_object` and was measured about 10 % slower than this one.
 *
 * bench/run.ts refuses to measure when this answer differs from the GraphQL one (data compared
 * byte for byte after sorting keys), and keeps comparing samples during the load.
 */
const PAGE = `select id, consent_to_share from organization order by name asc, id asc limit 100`;

export const FLOOR_STATEMENTS = [
  `select o.id, o.name, o.legal_form, o.employees, s.code as sector_code, s.name as sector_name, c.name as commune_name
from organization o
join sector s on s.code = o.sector_code
join commune c on c.id = o.commune_id
order by o.name asc, o.id asc
limit 100`,
  `select count(*)::int as total from organization`,
  `select oc.organization_id, oc.first_name, oc.last_name, oc.email, oc.phone, oc.role
from organization_contact oc
where oc.organization_id = any(array(select p.id from (${PAGE}) p where p.consent_to_share))
order by oc.is_holder desc, oc.last_name asc, oc.id asc`,
] as const;

/** Rows of one statement. */
export type Rows = Array<Record<string, unknown>>;

/** Runs one multi-statement query (no parameters) and returns the rows of each statement, in order. */
export type ExecuteMany = (sql: string) => Promise<Rows[]>;

/** One operation's floor: its statements (sent as one query) and the answer built from their rows. */
export interface Floor {
  statements: readonly string[];
  body(results: Rows[]): string;
}

/** Throws unless the multi-statement query gave one result set per statement. */
export function expectResultSets(results: Rows[], statements: readonly string[]): void {
  if (results.length !== statements.length) throw new Error(`floor: expected ${statements.length} result sets, got ${results.length}`);
}

/** Rows grouped by the value of `key`, each group in the rows' order, mapped by `map`. */
export function groupRows<R extends object, T>(rows: R[], key: keyof R, map: (row: R) => T): Map<unknown, T[]> {
  const groups = new Map<unknown, T[]>();
  for (const row of rows) {
    let list = groups.get(row[key]);
    if (!list) groups.set(row[key], (list = []));
    list.push(map(row));
  }
  return groups;
}

/** A GraphQL answer's body: Apollo ends its answers with a newline, so the same bytes on the wire. */
export function answerBody(data: unknown): string {
  return JSON.stringify({ data }) + '\n';
}

/**
 * How the floor reaches the database: a pg.Pool of its own on PostgreSQL (`databaseUrl`), the app's own
 * PGlite instance otherwise (it has one connection). Either sends the statements as one query.
 */
export function floorExecutor(orm: MikroORM, databaseUrl: string | null): { execute: ExecuteMany; close(): Promise<void> } {
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
    return {
      execute: async (statements) => {
        const results = (await pool.query(statements)) as unknown as pg.QueryResult | pg.QueryResult[];
        return (Array.isArray(results) ? results : [results]).map((r) => r.rows as Rows);
      },
      close: () => pool.end(),
    };
  }
  return {
    execute: async (statements) => {
      const results = (await (orm.em.fork() as unknown as SqlEntityManager).getKnex().raw(statements)) as { rows: Rows }[] | { rows: Rows };
      return (Array.isArray(results) ? results : [results]).map((r) => r.rows);
    },
    close: async () => {},
  };
}

interface PageRow {
  id: string;
  name: string;
  legal_form: string;
  employees: number;
  sector_code: string;
  sector_name: string;
  commune_name: string;
}
interface ContactRow {
  organization_id: string;
  first_name: string;
  last_name: string;
  email: string | null;
  phone: string | null;
  role: string;
}

/** The PortalList answer, built in Node from the three result sets. */
export function floorBody(results: Rows[]): string {
  expectResultSets(results, FLOOR_STATEMENTS);
  const [page, count, contacts] = results as unknown as [PageRow[], { total: number }[], ContactRow[]];
  const contactsOf = groupRows(contacts, 'organization_id', (c) => ({ firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone, role: c.role }));
  const edges = page.map((o) => ({
    node: {
      id: Buffer.from(`Organization:${o.id}`, 'utf8').toString('base64url'),
      name: o.name,
      legalForm: o.legal_form,
      employees: o.employees,
      sector: { code: o.sector_code, name: o.sector_name },
      commune: { name: o.commune_name },
      contacts: contactsOf.get(o.id) ?? [],
    },
  }));
  return answerBody({ organizations: { totalCount: count[0]!.total, edges } });
}

/** The PortalList floor. */
export const PORTAL_FLOOR: Floor = { statements: FLOOR_STATEMENTS, body: floorBody };

export interface FloorServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * A bare node:http server: every POST sends the floor's statements once, as one query, and writes the
 * JSON built from their rows.
 */
export async function startFloorServer(execute: ExecuteMany, floor: Floor = PORTAL_FLOOR): Promise<FloorServer> {
  const sql = floor.statements.join(';\n');
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Drain the request body (the operation is fixed), then answer.
    req.resume();
    req.on('end', () => {
      execute(sql)
        .then((results) => floor.body(results))
        .then(
          (body) => {
            res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
            res.end(body);
          },
          (err: unknown) => {
            const body = JSON.stringify({ errors: [{ message: err instanceof Error ? err.message : String(err) }] });
            res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
            res.end(body);
          },
        );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
