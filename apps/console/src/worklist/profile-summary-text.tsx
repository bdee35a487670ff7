import type { ProfileSummary } from '../api/types';
import { ageBandWords, languageWords } from '../i18n/api-words';
import { useI18n } from '../i18n/i18n';

/** The minimal profile in one line (gender, age band, care needs, children, languages); never more. */
export function ProfileSummaryText({ summary }: { summary: ProfileSummary | null }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  if (!summary) return <span className="muted">{t('worklist.noProfile')}</span>;
  const parts = [label('gender', summary.gender), ageBandWords(i18n, summary.ageBand)];
  if (summary.careNeeds.length > 0) parts.push(summary.careNeeds.map((need) => label('care', need)).join(', '));
  if (summary.accompanyingChildren > 0) parts.push(`${t('request.children').toLowerCase()}: ${summary.accompanyingChildren}`);
  if (summary.groupSize > 1) parts.push(`${t('request.groupSize').toLowerCase()}: ${summary.groupSize}`);
  if (summary.languages.length > 0) parts.push(languageWords(i18n, summary.languages));
  return <span data-testid="profile-summary">{parts.join(' · ')}</span>;
}
