// UI: moves one hotspot through the register's cycle (register-rules.ts) from its details: the
// actions its state allows, dated; a refused delisting and the one-vote veto are said in words
// that stay on screen. Every change is saved at once (state/register.ts) and kept in the history.
import { useEffect, useState } from 'react';
import type { HotspotFeature, MapData, RegisterActionKind } from '../../model';
import { fill, formatNumber, useLang, useT, type MessageKey } from '../../i18n';
import { localIsoDate } from '../../analysis/hotspots/hotspot-status';
import { addDays, allowedActions, applyRegisterAction, type RegisterAction, type RegisterError } from '../../analysis/hotspots/register-rules';
import { datasetNow } from '../../state/clock';
import { saveRegisterHotspot } from '../../state/register';

/** Days a new listing runs by default: the monthly joint meeting's usual quarter. */
const LISTING_DAYS = 90;

type Message = { kind: 'ok' | 'warn' | 'error'; text: string };

export function RegisterActions({ data, hotspot }: { data: MapData; hotspot: HotspotFeature }) {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const h = hotspot.properties;
  const today = localIsoDate(datasetNow(data.manifest), data.manifest.timeZone);
  const [date, setDate] = useState(today);
  const [deadline, setDeadline] = useState(addDays(today, LISTING_DAYS));
  const [satisfaction, setSatisfaction] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [first, setFirst] = useState(h.firstResponsible);
  const [direct, setDirect] = useState(h.directResponsible);
  const [measure, setMeasure] = useState('');
  useEffect(() => {
    // Another hotspot selected: its own people, and no message of the last one.
    setFirst(h.firstResponsible);
    setDirect(h.directResponsible);
    setMessage(null);
  }, [h.id, h.firstResponsible, h.directResponsible]);

  const pct = (x: number) => formatNumber(lang, x * 100, 0);
  const save = (f: HotspotFeature, ok: Message) =>
    saveRegisterHotspot(f).then(
      () => setMessage(ok),
      (e: unknown) => setMessage({ kind: 'error', text: fill(t('register.saveFailed'), { error: e instanceof Error ? e.message : String(e) }) }),
    );
  const errorText = (e: RegisterError) => {
    const values: Record<string, string | number> = { ...e } as never;
    if (e.code === 'not-allowed') values.state = t(`hotspot.status.${e.state}`);
    return fill(t(`register.error.${e.code}` as MessageKey), values);
  };
  const act = (kind: RegisterActionKind) => {
    const base = { date, note };
    let action: RegisterAction;
    if (kind === 'list' || kind === 'relist' || kind === 'extend') action = { kind, ...base, deadline };
    else if (kind === 'accept') {
      const s = Number(satisfaction) / 100;
      action = { kind, ...base, satisfaction: satisfaction.trim() === '' ? NaN : s };
    } else action = { kind, ...base };
    const out = applyRegisterAction(h, action);
    if (!out.ok) return setMessage({ kind: 'error', text: errorText(out.error) });
    let msg: Message = { kind: 'ok', text: t('register.saved') };
    if (out.delistRefused) msg = { kind: 'warn', text: fill(t('register.refused.delist'), { rate: pct(out.delistRefused.satisfaction), deadline: out.delistRefused.deadline }) };
    else if (out.veto) msg = { kind: 'warn', text: fill(t('register.veto'), { delisted: out.veto.delistedOn, relisted: out.veto.relistedOn }) };
    else if (kind === 'accept') msg = { kind: 'ok', text: fill(t('register.delisted'), { rate: pct(out.event.satisfaction ?? 0) }) };
    setNote('');
    void save({ ...hotspot, properties: out.hotspot }, msg);
  };
  const saveResponsible = () => void save({ ...hotspot, properties: { ...h, firstResponsible: first.trim(), directResponsible: direct.trim() } }, { kind: 'ok', text: t('register.saved') });
  const addMeasure = () => {
    if (!measure.trim()) return;
    void save({ ...hotspot, properties: { ...h, measures: [...h.measures, measure.trim()] } }, { kind: 'ok', text: t('register.saved') });
    setMeasure('');
  };

  const actions = allowedActions(h.state);
  const needsDeadline = actions.some((a) => a === 'list' || a === 'relist' || a === 'extend');
  return (
    <section className="register-actions" data-testid="register-actions">
      <h4>{t('register.actions')}</h4>
      <div className="register-form">
        <label>
          {t('register.date')} <input type="date" data-testid="register-date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        {needsDeadline && (
          <label>
            {t('register.newDeadline')} <input type="date" data-testid="register-deadline" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          </label>
        )}
        {actions.includes('accept') && (
          <label>
            {t('register.satisfaction')}{' '}
            <input type="number" min={0} max={100} step={1} data-testid="register-satisfaction" value={satisfaction} onChange={(e) => setSatisfaction(e.target.value)} />
          </label>
        )}
        <label>
          {t('register.note')} <input type="text" data-testid="register-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
      </div>
      <div className="register-buttons">
        {actions.map((a) => (
          <button key={a} className="action" data-testid={`register-action-${a}`} onClick={() => act(a)}>
            {t(`register.action.${a}`)}
          </button>
        ))}
      </div>
      {message && (
        <p className={message.kind === 'ok' ? 'muted' : 'warn'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid="register-message" data-kind={message.kind}>
          {message.text}
        </p>
      )}
      <div className="register-form">
        <label>
          {t('field.firstResponsible')} <input type="text" value={first} onChange={(e) => setFirst(e.target.value)} />
        </label>
        <label>
          {t('field.directResponsible')} <input type="text" value={direct} onChange={(e) => setDirect(e.target.value)} />
        </label>
        <button className="action small" onClick={saveResponsible}>
          {t('register.responsible.save')}
        </button>
        <label>
          {t('field.measures')} <input type="text" placeholder={t('register.measure.placeholder')} value={measure} onChange={(e) => setMeasure(e.target.value)} />
        </label>
        <button className="action small" onClick={addMeasure}>
          {t('register.addMeasure')}
        </button>
      </div>
    </section>
  );
}
