/** How long since `iso`, in whole minutes, hours and days ("2 u 15 min"); never negative. */
export function elapsed(iso: string, now: number, units: { day: string; hour: string; minute: string }): string {
  const minutes = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} ${units.day} ${hours} ${units.hour}`;
  if (hours > 0) return `${hours} ${units.hour} ${minutes % 60} ${units.minute}`;
  return `${minutes} ${units.minute}`;
}
