import { VictimProfile } from '../profile';
import { Municipality, MunicipalityDirectory } from './municipality-directory';

export interface ResponsibleMunicipality {
  municipality: Municipality;
  /** Why this one: where she is registered, or (not registered, or not known where) where she was found. */
  basis: 'REGISTERED' | 'FOUND';
}

/**
 * The municipality responsible for her (domain.md §5a): "Gemeenten hebben een verantwoordelijkheid
 * voor slachtoffers, die ingeschreven staan in hun gebied. Slachtoffers die niet ingeschreven staan,
 * worden in principe ingeschreven in de gemeente waar ze zijn aangetroffen" (002:726-729). So where
 * she is registered, else where she was found; null when neither names a municipality.
 */
export function responsibleMunicipality(
  profile: Pick<VictimProfile, 'registeredInMunicipality' | 'foundInMunicipality'>,
  directory: MunicipalityDirectory,
): ResponsibleMunicipality | null {
  const registered = profile.registeredInMunicipality ? directory.resolve(profile.registeredInMunicipality) : null;
  if (registered) return { municipality: registered, basis: 'REGISTERED' };
  const found = profile.foundInMunicipality ? directory.resolve(profile.foundInMunicipality) : null;
  return found ? { municipality: found, basis: 'FOUND' } : null;
}
