// The targets of issues 17 and 14, judged as each bench measures them and listed again at the end of the run.
type Verdict = { measure: string; figure: string; target: string; verdict: 'met' | 'NOT met' };

const verdicts: Verdict[] = [];

export function judge(measure: string, figure: string, target: string, met: boolean): void {
  const verdict = met ? 'met' : 'NOT met';
  verdicts.push({ measure, figure, target, verdict });
  console.log(`target · ${measure}: ${figure}; target ${target}: ${verdict}`);
}

export function printTargets(): void {
  if (verdicts.length === 0) return;
  console.log('\n== targets of issues 17 and 14, each against its anchor measured in this run');
  console.table(verdicts);
}

/** "0.42 × pgbench" */
export const times = (value: number, anchor: number, name: string): string => `${(value / anchor).toFixed(2)} × ${name}`;
