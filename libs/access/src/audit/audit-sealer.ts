import type { DataSource } from 'typeorm';
import { appendAnchor, readAnchors } from './audit-anchor';
import { type AuditFacts, auditHmac, type ChainBreak, GENESIS_HASH, HMAC_ALGORITHM, verifyChain } from './audit-chain';
import type { AuditChainOptions } from './audit-key';

const SEAL_LOCK_KEY = 4_207_193_020;
const BATCH = 2_000;

interface Row extends AuditFacts {
  seq: string | null;
  prevHash: string | null;
  hash: string | null;
  alg: string | null;
}

const SELECT = `SELECT id, at, recorded_at AS "recordedAt", actor_sub AS "actorSub", actor_role AS "actorRole", actor_org AS "actorOrg", action,
  request_id AS "requestId", facility_id AS "facilityId", detail, seq, prev_hash AS "prevHash", hash, alg FROM audit_log`;

/** How far a row's own time may lie from the time the database recorded it before it is reported. */
const BACKDATE_TOLERANCE_MS = 60_000;

/**
 * Chains the rows inserted since the last seal with the audit key (HMAC), then appends an anchor
 * (latest sequence number and hash) to the anchor file. One sealer at a time across all processes.
 * Returns how many rows it sealed.
 */
export async function sealAuditLog(dataSource: DataSource, options: AuditChainOptions): Promise<number> {
  const sealed = await dataSource.transaction(async (manager) => {
    const [{ ok }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [SEAL_LOCK_KEY]);
    if (!ok) return null;
    const [last] = await manager.query('SELECT seq, hash FROM audit_log WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1');
    let seq = BigInt(last?.seq ?? 0);
    let previous: string = last?.hash ?? GENESIS_HASH;
    const rows: Row[] = await manager.query(`${SELECT} WHERE seq IS NULL ORDER BY id LIMIT ${BATCH}`);
    if (rows.length === 0) return null;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const row of rows) {
      seq += 1n;
      const hash = auditHmac(options.key, previous, row);
      ids.push(row.id);
      seqs.push(seq.toString());
      prevs.push(previous);
      hashes.push(hash);
      previous = hash;
    }
    await manager.query(
      `UPDATE audit_log a SET seq = s.seq, prev_hash = s.prev, hash = s.hash, alg = $5
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS s(id, seq, prev, hash) WHERE a.id = s.id`,
      [ids, seqs, prevs, hashes, HMAC_ALGORITHM],
    );
    return { count: rows.length, seq: seq.toString(), hash: previous };
  });
  if (!sealed) return 0;
  // After the commit: an anchor never names a hash the database does not hold.
  if (options.anchorFile) appendAnchor(options.anchorFile, { seq: sealed.seq, hash: sealed.hash, at: new Date().toISOString() });
  return sealed.count;
}

export interface AuditVerification {
  /** Rows checked and found intact, in chain order. */
  rows: number;
  /** The first break; `null` when the chain is intact (and matches every anchor). */
  broken: ChainBreak | null;
  /** Anchors the chain was checked against. */
  anchors: number;
  /** Rows whose own time lies far from the time the database recorded them (a backdated insert). */
  backdated: ChainBreak[];
}

/** Seals what is pending, then checks the whole chain with the key and against the anchor file. */
export async function verifyAuditLog(dataSource: DataSource, options: AuditChainOptions): Promise<AuditVerification> {
  while ((await sealAuditLog(dataSource, options)) === BATCH) {
    /* keep sealing */
  }
  const anchors = options.anchorFile ? readAnchors(options.anchorFile) : new Map<bigint, Set<string>>();
  const backdated: ChainBreak[] = [];
  const result = (rows: number, broken: ChainBreak | null): AuditVerification => ({
    rows,
    broken,
    anchors: anchors.size,
    backdated,
  });
  let rows = 0;
  let previous = GENESIS_HASH;
  let hmacSeen = false;
  let after = 0n;
  for (;;) {
    const batch: Row[] = await dataSource.query(`${SELECT} WHERE seq > $1 ORDER BY seq LIMIT 10000`, [after.toString()]);
    if (batch.length === 0) break;
    const expectedFirst = after + 1n;
    if (BigInt(batch[0].seq!) !== expectedFirst)
      return result(rows, { id: batch[0].id, problem: `chain position ${expectedFirst} is missing (a row was removed)` });
    const broken = verifyChain(batch, previous, { key: options.key, hmacSeen });
    if (broken) return result(rows, broken);
    for (const row of batch) {
      const anchored = anchors.get(BigInt(row.seq!));
      if (anchored && [...anchored].some((hash) => hash !== row.hash))
        return result(rows, {
          id: row.id,
          problem: `does not match the anchor of chain position ${row.seq} (the chain was rewritten)`,
        });
      if (row.recordedAt && Math.abs(row.at.getTime() - row.recordedAt.getTime()) > BACKDATE_TOLERANCE_MS)
        backdated.push({
          id: row.id,
          problem: `says ${row.at.toISOString()} but was recorded at ${row.recordedAt.toISOString()}`,
        });
      rows += 1;
    }
    const last = batch[batch.length - 1];
    previous = last.hash!;
    hmacSeen = hmacSeen || last.alg === HMAC_ALGORITHM;
    after = BigInt(last.seq!);
  }
  const anchoredTop = [...anchors.keys()].reduce((top, seq) => (seq > top ? seq : top), 0n);
  if (anchoredTop > after)
    return result(rows, {
      id: `seq ${after + 1n}`,
      problem: `is missing: the anchor records the chain up to position ${anchoredTop} (rows were removed from the end)`,
    });
  return result(rows, null);
}
