import type { ActionOutcome, Lead, LeadCampaign } from '../../model/lead';
import type { ToolId } from '../../model/tools';
import type { Ctx } from '../types';

/**
 * Lead operations, one shape (docs/ARCHITECTURE.md, "Lead operations: one shape"): each operation
 * is a few named steps (look up, decide, act), and every "which outcome?" is a pure function in
 * the provider's `decide.ts` — given what the tool said and the policy, a Decision. Decisions are
 * data, so they are unit-tested without HTTP; the operation turns them into an outcome or an error.
 */

/** The operation ends with this outcome. */
export interface Finish {
  outcome: ActionOutcome['outcome'];
  detail: string;
}

/** The operation ends with this error (Zapier AppError: message, code, HTTP status). */
export interface Refusal {
  refuse: { message: string; code: string; status: number };
}

/** The operation goes on with the named step. */
export interface Next<S extends string> {
  next: S;
}

export type Decision<S extends string = never> = Finish | Refusal | Next<S>;

export const finish = (outcome: Finish['outcome'], detail: string): Finish => ({ outcome, detail });
export const refusal = (message: string, code: string, status: number): Refusal => ({ refuse: { message, code, status } });
export const next = <S extends string>(step: S): Next<S> => ({ next: step });

export const isFinish = (d: object): d is Finish => 'outcome' in d;
export const isRefusal = (d: object): d is Refusal => 'refuse' in d;
/** The operation ends here (with an outcome or an error), rather than going on with a step. */
export const isEnd = <S extends string>(d: Decision<S>): d is Finish | Refusal => isFinish(d) || isRefusal(d);

/** Throws a refusal as the Zapier error it describes. */
export const raise = (ctx: Ctx, r: Refusal): never => {
  throw new ctx.z.errors.Error(r.refuse.message, r.refuse.code, r.refuse.status);
};

/** A Finish or Refusal as the operation's result: the outcome built, the refusal thrown. */
export const conclude = (
  ctx: Ctx,
  tool: ToolId,
  d: Finish | Refusal,
  lead: Lead | null,
  campaign: ActionOutcome['campaign'],
  affected: LeadCampaign[] = [],
): ActionOutcome => {
  if (isRefusal(d)) return raise(ctx, d);
  return { outcome: d.outcome, tool, lead, campaign, affected_campaigns: affected, detail: d.detail };
};
