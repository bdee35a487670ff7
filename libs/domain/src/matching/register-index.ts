/**
 * The register prepared for many matching questions: facilities in the matcher's order, grouped
 * into eligibility classes. The profile rules (PROFILE_RULES) read only a facility's kind, region
 * and eligibility lists, so every facility of a class gets the same verdict from them: a question
 * evaluates them once per class instead of once per facility. Built once per register version
 * (the registry's RegisterDefinitionsCache), never per question.
 */
import { FacilitySnapshot } from '../eligibility/context';
import { FacilityDefinition } from '../register';
import { byId } from './match-facilities';

export type IndexedFacility = FacilityDefinition & { id: string };

/**
 * Every field a profile rule may read: the kind, the region and the whole eligibility (a field
 * added to it later is in the key without a change here). Two facilities with equal keys get the
 * same verdict; equal eligibility written in another property order only makes another class.
 */
export function eligibilityClassKey(facility: FacilityDefinition): string {
  return JSON.stringify([facility.type, facility.regionCode, facility.eligibility]);
}

const CLASS_FIELDS = new Set(['type', 'regionCode', 'eligibility']);

/**
 * What the profile rules are shown of a class: its key fields, and for every other field of a
 * snapshot a getter that throws. A rule that starts reading anything else (the capacity, a name)
 * fails loudly here instead of giving one facility's verdict to its whole class.
 */
function classView(representative: IndexedFacility): FacilitySnapshot {
  const view: Record<string, unknown> = {};
  const fields: (keyof FacilitySnapshot)[] = [
    'id',
    'key',
    'name',
    'type',
    'operator',
    'regionCode',
    'municipality',
    'latitude',
    'longitude',
    'secretAddress',
    'address',
    'intakePhone',
    'placingAuthority',
    'intakeHours',
    'eligibility',
    'maxStayDays',
    'updateCadence',
    'capacity',
    'capacityUpdatedAt',
  ];
  for (const field of fields) {
    if (CLASS_FIELDS.has(field)) {
      const value = field === 'eligibility' ? Object.freeze({ ...representative.eligibility }) : representative[field as 'type'];
      Object.defineProperty(view, field, { value, enumerable: true });
    } else {
      Object.defineProperty(view, field, {
        enumerable: false,
        get() {
          throw new Error(
            `a profile rule read facility.${field}, which is not in the eligibility class key: ` +
              'add it to eligibilityClassKey, or move the rule after PROFILE_RULES',
          );
        },
      });
    }
  }
  return Object.freeze(view) as unknown as FacilitySnapshot;
}

export class RegisterIndex<F extends IndexedFacility = IndexedFacility> {
  /** In the matcher's order (by id, then key): positions below index this. */
  readonly facilities: readonly F[];
  /** The class of the facility at each position. */
  readonly classOf: Uint32Array;
  /** What the profile rules see of each class. */
  readonly classes: readonly FacilitySnapshot[];
  /** How many facilities each class has. */
  readonly classSizes: readonly number[];
  private readonly positions: Map<string, number>;

  constructor(facilities: readonly F[]) {
    this.facilities = [...facilities].sort(byId);
    this.classOf = new Uint32Array(this.facilities.length);
    this.positions = new Map();
    const classByKey = new Map<string, number>();
    const classes: FacilitySnapshot[] = [];
    const sizes: number[] = [];
    this.facilities.forEach((facility, position) => {
      const key = eligibilityClassKey(facility);
      let cls = classByKey.get(key);
      if (cls === undefined) {
        cls = classes.length;
        classByKey.set(key, cls);
        classes.push(classView(facility));
        sizes.push(0);
      }
      sizes[cls]++;
      this.classOf[position] = cls;
      if (!this.positions.has(facility.id)) this.positions.set(facility.id, position);
    });
    this.classes = classes;
    this.classSizes = sizes;
  }

  get size(): number {
    return this.facilities.length;
  }

  /** The position of the (first) facility with this id, or undefined. */
  positionOf(id: string): number | undefined {
    return this.positions.get(id);
  }
}
