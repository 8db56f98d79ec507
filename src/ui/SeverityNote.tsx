// UI: the blind spots' "weight by offence severity" switch and the weights it uses, said in the
// dataset's own terms: each weight with the case classes (or, where a class is split, the offence
// kinds) that carry it — e.g. 刑事案件 ×3 · 治安案件 ×2 · 矛盾纠纷、交通事故 ×1.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CASE_CLASSES, type OffenceKind } from '../model';
import { severityWeights } from '../analysis/cameras/severity';
import { useCoverage } from '../state/coverage';
import { fill, formatNumber, useLang, useT, type Lang, type MessageKey } from '../i18n';

export function SeveritySwitch({ kinds }: { kinds: readonly OffenceKind[] }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const { bySeverity, setBySeverity } = useCoverage(useShallow((s) => ({ bySeverity: s.bySeverity, setBySeverity: s.setBySeverity })));
  const weights = useMemo(() => weightText(kinds, lang, t), [kinds, lang, t]);
  return (
    <>
      <label className="option" title={t('coverage.severity.title')}>
        <input type="checkbox" data-testid="coverage-severity" checked={bySeverity} onChange={(e) => setBySeverity(e.target.checked)} /> {t('coverage.severity')}
      </label>
      {bySeverity && (
        <p className="muted" data-testid="coverage-severity-definition">
          {fill(t('coverage.severity.definition'), { weights })}
        </p>
      )}
    </>
  );
}

/** "刑事案件 ×3 · 治安案件 ×2 · …": kinds grouped by weight, a whole class named by its class. */
function weightText(kinds: readonly OffenceKind[], lang: Lang, t: (k: MessageKey) => string): string {
  const w = severityWeights(kinds);
  const groups = new Map<number, string[]>();
  const add = (weight: number, name: string) => groups.set(weight, [...(groups.get(weight) ?? []), name]);
  for (const c of CASE_CLASSES) {
    const ofClass = kinds.filter((k) => k.caseClass === c);
    if (ofClass.length === 0) continue;
    const same = ofClass.every((k) => w[k.code] === w[ofClass[0].code]);
    if (same) add(w[ofClass[0].code], t(`caseClass.${c}` as MessageKey));
    else for (const k of ofClass) add(w[k.code], lang === 'en' ? k.en : k.zh);
  }
  const sep = lang === 'en' ? ', ' : '、';
  return [...groups.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([weight, names]) => `${names.join(sep)} ×${formatNumber(lang, weight, weight % 1 === 0 ? 0 : 1)}`)
    .join(' · ');
}
