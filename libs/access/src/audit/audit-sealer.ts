import { auditRowKey } from '@opvangplek/platform';
import type { DataSource } from 'typeorm';
import { appendAnchor, readAnchors } from './audit-anchor';
import {
  type AuditAlgorithm,
  type AuditFacts,
  auditHmac,
  type ChainBreak,
  FOREIGN_ALGORITHM,
  GENESIS_HASH,
  HMAC_ALGORITHM,
  LEGACY_ALGORITHM,
  sealingAlgorithm,
  verifyChain,
} from './audit-chain';
import type { AuditChainOptions } from './audit-chain-options';

const SEAL_LOCK_KEY = 4_207_193_020;
const BATCH = 2_000;

interface Row extends AuditFacts {
  seq: string | null;
  prevHash: string | null;
  hash: string | null;
  alg: string | null;
}

const SELECT = `SELECT id, at, recorded_at AS "recordedAt", actor_sub AS "actorSub", actor_role AS "actorRole", actor_org AS "actorOrg", action,
  request_id AS "requestId", facility_id AS "facilityId", detail, row_mac AS "rowMac", seq, prev_hash AS "prevHash", hash, alg FROM audit_log`;

/** How far a row's own time may lie from the time the database recorded it before it is reported. */
export const BACKDATE_TOLERANCE_MS = 60_000;

/** What the sealer noticed while chaining (the worker logs it; `audit:verify` reports it again). */
export interface SealReport {
  /** Rows chained without a valid row MAC: not written by the application. */
  foreign(rows: { id: string; seq: string }[]): void;
  /** The chain's last row was not sealed with the audit key: chained after it all the same. */
  foreignHead(row: { id: string; seq: string }): void;
}

/**
 * Chains the rows inserted since the last seal with the audit key (HMAC), then appends an anchor
 * (latest sequence number and hash) to the anchor file. One sealer at a time across all processes.
 * Each row's MAC is checked first: a row the application did not write is chained all the same
 * (a forged row must never stall the chain) but sealed as `hmac-sha256-foreign`. Returns how many
 * rows it sealed.
 *
 * The database login may also "seal" an unsealed row itself, once (the seal columns are the
 * login's to set). Such a row is no longer picked up here (it has a hash); if it took the next
 * chain position, the chain continues after it and `audit:verify` reports the break at that row;
 * if it took a later one, verify reports the missing positions before it. The append-only trigger
 * (AuditRowMac migration) keeps such a position within the ids issued, so it cannot push the chain
 * past the end of bigint and stop it.
 */
export async function sealAuditLog(dataSource: DataSource, options: AuditChainOptions, report?: SealReport): Promise<number> {
  const rowKey = auditRowKey(options.key);
  const sealed = await dataSource.transaction(async (manager) => {
    const [{ ok }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [SEAL_LOCK_KEY]);
    if (!ok) return null;
    const rows: Row[] = await manager.query(`${SELECT} WHERE seq IS NULL AND hash IS NULL ORDER BY id LIMIT ${BATCH}`);
    if (rows.length === 0) return null;
    const [last]: Row[] = await manager.query(`${SELECT} WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`);
    if (
      last &&
      last.alg !== LEGACY_ALGORITHM &&
      last.hash !== auditHmac(options.key, last.prevHash ?? '', last, last.alg as AuditAlgorithm)
    )
      report?.foreignHead({ id: last.id, seq: last.seq! });
    let seq = BigInt(last?.seq ?? 0);
    let previous: string = last?.hash ?? GENESIS_HASH;
    const ids: string[] = [];
    const seqs: string[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    const algs: string[] = [];
    const foreign: { id: string; seq: string }[] = [];
    for (const row of rows) {
      seq += 1n;
      const alg = sealingAlgorithm(rowKey, row);
      const hash = auditHmac(options.key, previous, row, alg);
      ids.push(row.id);
      seqs.push(seq.toString());
      prevs.push(previous);
      hashes.push(hash);
      algs.push(alg);
      if (alg === FOREIGN_ALGORITHM) foreign.push({ id: row.id, seq: seq.toString() });
      previous = hash;
    }
    await manager.query(
      `UPDATE audit_log a SET seq = s.seq, prev_hash = s.prev, hash = s.hash, alg = s.alg
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[]) AS s(id, seq, prev, hash, alg) WHERE a.id = s.id`,
      [ids, seqs, prevs, hashes, algs],
    );
    return { count: rows.length, seq: seq.toString(), hash: previous, foreign };
  });
  if (!sealed) return 0;
  if (sealed.foreign.length > 0) report?.foreign(sealed.foreign);
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
  /** Rows chained without a valid row MAC: inserted with the database login, not written by the application. */
  foreign: ChainBreak[];
  /** Rows sealed before rows carried a MAC (`sha256`, `hmac-sha256`): whether the application wrote them is not known. */
  legacy: number;
}

/** Seals what is pending, then checks the whole chain with the key and against the anchor file. */
export async function verifyAuditLog(dataSource: DataSource, options: AuditChainOptions): Promise<AuditVerification> {
  while ((await sealAuditLog(dataSource, options)) === BATCH) {
    /* keep sealing */
  }
  const anchors = options.anchorFile ? readAnchors(options.anchorFile) : new Map<bigint, Set<string>>();
  const backdated: ChainBreak[] = [];
  const foreign: ChainBreak[] = [];
  let legacy = 0;
  const result = (rows: number, broken: ChainBreak | null): AuditVerification => ({
    rows,
    broken,
    anchors: anchors.size,
    backdated,
    foreign,
    legacy,
  });
  // A row given a hash but no chain position (possible before the AuditRowMac migration's trigger)
  // is outside the chain: the sealer skips it, so it is reported here.
  const [outside]: { id: string }[] = await dataSource.query(
    'SELECT id FROM audit_log WHERE seq IS NULL AND hash IS NOT NULL ORDER BY id LIMIT 1',
  );
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
      if (row.alg === FOREIGN_ALGORITHM)
        foreign.push({
          id: row.id,
          problem: `(chain position ${row.seq}) was not written by the application: it has no valid row MAC (inserted with the database login alone)`,
        });
      else if (row.alg === LEGACY_ALGORITHM || row.alg === HMAC_ALGORITHM || row.alg === null) legacy += 1;
      rows += 1;
    }
    const last = batch[batch.length - 1];
    previous = last.hash!;
    hmacSeen = hmacSeen || (last.alg ?? LEGACY_ALGORITHM) !== LEGACY_ALGORITHM;
    after = BigInt(last.seq!);
  }
  const anchoredTop = [...anchors.keys()].reduce((top, seq) => (seq > top ? seq : top), 0n);
  if (anchoredTop > after)
    return result(rows, {
      id: `seq ${after + 1n}`,
      problem: `is missing: the anchor records the chain up to position ${anchoredTop} (rows were removed from the end)`,
    });
  if (outside)
    return result(rows, {
      id: outside.id,
      problem: 'carries a hash but no chain position: it was sealed outside the sealer, with the database login',
    });
  return result(rows, null);
}
