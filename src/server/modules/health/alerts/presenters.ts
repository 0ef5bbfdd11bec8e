import { DEFAULT_ILLNESS_ALERT_SETTINGS, type IllnessKind, kindsOfCheck } from '../../../../domain/health/illnessClusters.ts';
import type { CheckWithNameRow } from '../../enrollment/index.ts';
import type { AcknowledgementRow, AlertRow, Party } from './queries.ts';
import type { IllnessAlertView } from './schemas.ts';

type NamedChild = { id: string; name: string };

/** The children an alert counted: its class's checks of its day that show its kind, at the fever line stored on it. */
export function childrenCounted(alert: AlertRow, checks: CheckWithNameRow[]): NamedChild[] {
  const settings = { ...DEFAULT_ILLNESS_ALERT_SETTINGS, feverFromC: Number(alert.fever_from_c) };
  return checks
    .filter(
      (c) =>
        c.class_id === alert.class_id &&
        c.checked_on === alert.alert_on &&
        kindsOfCheck({ temperatureC: Number(c.temperature_c), symptoms: c.symptoms ?? [] }, settings).includes(alert.kind as IllnessKind),
    )
    .map((c) => ({ id: c.child_id, name: c.name }));
}

/** One alert row as the API shows it; `children` only when the caller is the institution's director. */
export function presentAlert(r: AlertRow, acks: AcknowledgementRow[], children: NamedChild[] | undefined): IllnessAlertView {
  const ackOf = (party: Party) => {
    const ack = acks.find((a) => a.alert_id === r.id && a.party === party);
    if (!ack) return null;
    return {
      byName: ack.by_name,
      at: new Date(ack.acknowledged_at).toISOString(),
      casesSeen: ack.cases_seen,
      current: ack.cases_seen >= r.cases,
    };
  };
  const acknowledgements = { institution: ackOf('institution'), district: ackOf('district'), city: ackOf('city') };
  const party = r.party as Party;
  return {
    id: r.id,
    day: r.alert_on,
    kind: r.kind as IllnessKind,
    cases: r.cases,
    threshold: r.threshold,
    feverFromC: Number(r.fever_from_c),
    institution: { id: r.institution_id, name: r.institution_name },
    class: { id: r.class_id, name: r.class_name },
    township: { code: r.division_code, name: r.township_name },
    raisedAt: new Date(r.raised_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    acknowledgements,
    party,
    acknowledged: acknowledgements[party]?.current === true,
    ...(children ? { children } : {}),
  };
}
