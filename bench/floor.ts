import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The raw-SQL floor: one hand-written statement that builds, inside PostgreSQL, the very JSON the
 * GraphQL server answers to the PortalList operation for a partner's member (contacts only with the
 * holder's consent, holder first). Node only passes the text through.
 *
 * Differences in form only: json_build_object writes `"key" : value` (with spaces), so the body is a
 * little larger than the GraphQL one; the values are the same (checked at start by bench/run.ts).
 */
export const FLOOR_SQL = `
with page as (
  select o.id, o.name, o.legal_form, o.employees, o.sector_code, o.commune_id, o.consent_to_share
  from organization o
  order by o.name asc, o.id asc
  limit 100
)
select json_build_object('data', json_build_object('organizations', json_build_object(
  'totalCount', (select count(*) from organization),
  'edges', coalesce((
    select json_agg(json_build_object('node', json_build_object(
      'id', rtrim(translate(encode(convert_to('Organization:' || p.id::text, 'UTF8'), 'base64'), E'+/\\n', '-_'), '='),
      'name', p.name,
      'legalForm', p.legal_form,
      'employees', p.employees,
      'sector', json_build_object('code', s.code, 'name', s.name),
      'commune', json_build_object('name', c.name),
      'contacts', case when p.consent_to_share then coalesce((
        select json_agg(json_build_object(
          'firstName', oc.first_name, 'lastName', oc.last_name, 'email', oc.email, 'phone', oc.phone, 'role', oc.role
        ) order by oc.is_holder desc, oc.last_name asc, oc.id asc)
        from organization_contact oc
        where oc.organization_id = p.id
      ), '[]'::json) else '[]'::json end
    )) order by p.name asc, p.id asc)
    from page p
    join sector s on s.code = p.sector_code
    join commune c on c.id = p.commune_id
  ), '[]'::json)
)))::text as body
`;

/** Runs one SQL statement and returns its rows. */
export type Execute = (sql: string) => Promise<Array<Record<string, unknown>>>;

export interface FloorServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** A bare node:http server: every POST runs FLOOR_SQL once and writes the text as is. */
export async function startFloorServer(execute: Execute): Promise<FloorServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Drain the request body (the operation is fixed), then answer.
    req.resume();
    req.on('end', () => {
      execute(FLOOR_SQL).then(
        (rows) => {
          const body = String(rows[0]?.body ?? '');
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
