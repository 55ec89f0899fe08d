import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';

/**
 * The raw-SQL floor: the leanest honest hand-written server for the PortalList operation of a partner's
 * member. Three statements travel in one round trip (one multi-statement query): the page with its
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

/** The three statements as the one multi-statement query the floor sends. */
export const FLOOR_SQL = FLOOR_STATEMENTS.join(';\n');

/** Runs one multi-statement query (no parameters) and returns the rows of each statement, in order. */
export type ExecuteMany = (sql: string) => Promise<Array<Array<Record<string, unknown>>>>;

type Rows = Array<Record<string, unknown>>;

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
export function floorBody(results: Array<Array<Record<string, unknown>>>): string {
  if (results.length !== FLOOR_STATEMENTS.length) throw new Error(`floor: expected ${FLOOR_STATEMENTS.length} result sets, got ${results.length}`);
  const [page, count, contacts] = results as [PageRow[], { total: number }[], ContactRow[]];
  const contactsOf = new Map<string, object[]>();
  for (const c of contacts) {
    let list = contactsOf.get(c.organization_id);
    if (!list) contactsOf.set(c.organization_id, (list = []));
    list.push({ firstName: c.first_name, lastName: c.last_name, email: c.email, phone: c.phone, role: c.role });
  }
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
  // Apollo ends its answers with a newline: the same bytes on the wire.
  return JSON.stringify({ data: { organizations: { totalCount: count[0]!.total, edges } } }) + '\n';
}

export interface FloorServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A bare node:http server: every POST sends FLOOR_SQL once and writes the JSON built from its rows. */
export async function startFloorServer(execute: ExecuteMany): Promise<FloorServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Drain the request body (the operation is fixed), then answer.
    req.resume();
    req.on('end', () => {
      execute(FLOOR_SQL)
        .then(floorBody)
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
