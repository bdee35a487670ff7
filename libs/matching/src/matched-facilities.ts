import type { LoadedFacility } from '@opvangplek/registry';

/**
 * The loaded rows of a match's facilities, each built when first asked for. The placement engine
 * matches hundreds of facilities on every request and holds one or a few, so building every row
 * (a copy of its definition with its capacity, an instant parsed) would be work mostly thrown away.
 * To its readers it is a Map: `get` and `has` build one row, iterating builds the rest first (rows
 * built on demand come first then).
 */
export class MatchedFacilities extends Map<string, LoadedFacility> {
  /** Ids not built yet. Undefined only while Map's own constructor runs. */
  private pending: Set<string> | undefined;
  private readonly build: (id: string) => LoadedFacility;

  constructor(ids: Iterable<string>, build: (id: string) => LoadedFacility) {
    super();
    this.pending = new Set(ids);
    this.build = build;
  }

  override get(id: string): LoadedFacility | undefined {
    if (this.pending?.delete(id)) super.set(id, this.build(id));
    return super.get(id);
  }

  override has(id: string): boolean {
    return super.has(id) || (this.pending?.has(id) ?? false);
  }

  override set(id: string, facility: LoadedFacility): this {
    this.pending?.delete(id);
    return super.set(id, facility);
  }

  override delete(id: string): boolean {
    const pending = this.pending?.delete(id) ?? false;
    return super.delete(id) || pending;
  }

  override clear(): void {
    this.pending?.clear();
    super.clear();
  }

  override get size(): number {
    return super.size + (this.pending?.size ?? 0);
  }

  override entries(): MapIterator<[string, LoadedFacility]> {
    this.buildAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.buildAll();
    return super.keys();
  }

  override values(): MapIterator<LoadedFacility> {
    this.buildAll();
    return super.values();
  }

  override forEach(
    callback: (value: LoadedFacility, key: string, map: Map<string, LoadedFacility>) => void,
    thisArg?: unknown,
  ): void {
    this.buildAll();
    super.forEach(callback, thisArg);
  }

  override [Symbol.iterator](): MapIterator<[string, LoadedFacility]> {
    return this.entries();
  }

  private buildAll(): void {
    for (const id of this.pending ?? []) super.set(id, this.build(id));
    this.pending?.clear();
  }
}
