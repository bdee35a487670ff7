import type { DataSource } from 'typeorm';
import { auditHash, type AuditFacts, type ChainBreak, GENESIS_HASH, verifyChain } from './audit-chain';

const SEAL_LOCK_KEY = 4_207_193_020;
const BATCH = 2_000;

interface Row extends AuditFacts {
  seq: string | null;
  prevHash: string | null;
  hash: string | null;
}

const SELECT = `SELECT id, at, actor_sub AS "actorSub", actor_role AS "actorRole", actor_org AS "actorOrg", action,
  request_id AS "requestId", facility_id AS "facilityId", detail, seq, prev_hash AS "prevHash", hash FROM audit_log`;

/** Chains the rows inserted since the last seal; one sealer at a time across all processes. Returns how many. */
export async function sealAuditLog(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const [{ ok }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [SEAL_LOCK_KEY]);
    if (!ok) return 0;
    const [last] = await manager.query('SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1');
    let seq = BigInt(last?.seq ?? 0);
    let previous: string = last?.hash ?? GENESIS_HASH;
    const rows: Row[] = await manager.query(`${SELECT} WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}`);
    if (rows.length === 0) return 0;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      seq += 1n;
      const hash = auditHash(previous, row);
      ids.push(row.id);
      seqs.push(seq.toString());
      prevs.push(previous);
      hashes.push(hash);
      previous = hash;
    }
    await manager.query(
      `UPDATE audit_log a SET seq = s.seq, prev_hash = s.prev, hash = s.hash
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(id, seq, prev, hash) WHERE a.id = s.id`,
      [ids, seqs, prevs, hashes],
    );
    return rows.length;
  });
}

/** Seals what is pending, then checks the whole chain; `null` when intact. */
export async function verifyAuditLog(dataSource: DataSource): Promise<{ rows: number; broken: ChainBreak | null }> {
  while ((await sealAuditLog(dataSource)) === BATCH) {
    /* keep sealing */
  }
  let rows = 0;
  let previous = GENESIS_HASH;
  let after = 0n;
  for (;;) {
    const batch: Row[] = await dataSource.query(`${SELECT} WHERE seq > $1 ORDER BY seq LIMIT 10000`, [after.toString()]);
    if (batch.length === 0) return { rows, broken: null };
    const expectedFirst = after + 1n;
    if (BigInt(batch[0].seq!) !== expectedFirst)
      return { rows, broken: { id: batch[0].id, problem: `chain position ${expectedFirst} is missing (a row was removed)` } };
    const broken = verifyChain(batch, previous);
    if (broken) return { rows, broken };
    rows += batch.length;
    previous = batch[batch.length - 1].hash!;
    after = BigInt(batch[batch.length - 1].seq!);
  }
}
