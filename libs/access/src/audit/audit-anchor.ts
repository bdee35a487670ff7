import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** One anchor: the chain's latest sequence number and hash at a moment, kept outside the database. */
export interface AuditAnchor {
  seq: string;
  hash: string;
  at: string;
}

/**
 * Appends an anchor (one JSON line) after a seal committed. Whoever holds only the database
 * credentials cannot change this file, so a rewritten or truncated chain below an anchored
 * sequence number no longer matches it.
 */
export function appendAnchor(file: string, anchor: AuditAnchor): void {
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600 });
}

/** The hashes anchored for each sequence number (more than one only if the chain was rewritten); empty when there is no file yet. */
export function readAnchors(file: string): Map<bigint, Set<string>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const anchors = new Map<bigint, Set<string>>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let anchor: AuditAnchor;
    try {
      anchor = JSON.parse(line) as AuditAnchor;
    } catch {
      continue; // a line cut short by a crash mid-write; the others still count
    }
    if (typeof anchor.seq !== 'string' || !/^\d+$/.test(anchor.seq) || typeof anchor.hash !== 'string') continue;
    const seq = BigInt(anchor.seq);
    anchors.set(seq, (anchors.get(seq) ?? new Set<string>()).add(anchor.hash));
  }
  return anchors;
}
