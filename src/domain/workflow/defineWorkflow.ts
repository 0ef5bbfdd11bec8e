/**
 * One step of a workflow: the status an action leads to and the parties who may take it. A
 * workflow may add its own conditions to a step (a required reason, a checklist…).
 */
export type Step<S extends string, P extends string> = { readonly to: S; readonly by: readonly P[] };

/** For each status, the actions it offers. A status with no actions is final. */
export type WorkflowTable<S extends string, A extends string, T> = { readonly [K in S]: Partial<Readonly<Record<A, T>>> };

export type Workflow<S extends string, A extends string, P extends string, T extends Step<S, P>> = {
  readonly statuses: readonly S[];
  readonly table: WorkflowTable<S, A, T>;
  /** The step an action takes from a status, or undefined when the status does not offer it. */
  step(status: S, action: A): T | undefined;
  /** The actions these parties may take now, in table order; `also` adds a condition of the caller's (e.g. a filed version exists). The web shows these as buttons. */
  allowedActions(status: S, parties: readonly P[], also?: (step: T) => boolean): A[];
  /** Whether any of these parties may take the action in some status (otherwise it is forbidden, not merely untimely). */
  mayEverTake(action: A, parties: readonly P[]): boolean;
};

/**
 * Every workflow of tuoyu (filing, applications, voucher programs, institution subsidies) is a
 * table checked by the compiler (OpenCRVS's `AVAILABLE_ACTIONS_BY_EVENT_STATUS`), read through
 * the same three questions by the server, which enforces it, and by the web, which shows buttons.
 */
export function defineWorkflow<S extends string, A extends string, P extends string, T extends Step<S, P> = Step<S, P>>(
  statuses: readonly S[],
  table: WorkflowTable<S, A, T>,
): Workflow<S, A, P, T> {
  const step = (status: S, action: A) => table[status][action] as T | undefined;
  const offered = (status: S) => Object.entries(table[status]) as [A, T][];
  return {
    statuses,
    table,
    step,
    allowedActions: (status, parties, also = () => true) =>
      offered(status)
        .filter(([, s]) => s.by.some((p) => parties.includes(p)) && also(s))
        .map(([action]) => action),
    mayEverTake: (action, parties) => statuses.some((status) => step(status, action)?.by.some((p) => parties.includes(p))),
  };
}
