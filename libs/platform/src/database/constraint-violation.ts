/**
 * Whether `error` is the database refusing a row that would break the unique constraint (or unique
 * index) named `constraint`: PostgreSQL's unique_violation, 23505, as TypeORM hands it on.
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } } | null)?.driverError;
  return driverError?.code === '23505' && driverError.constraint === constraint;
}
