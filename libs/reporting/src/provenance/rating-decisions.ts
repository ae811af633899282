import type { RecordedEvent } from '@pdca/event-store';
import type { Rating } from '@pdca/review';

/** Who may read the trail: the public reads published data, named by office; staff also see the account. */
export type Audience = 'public' | 'staff';

/** One step that made an item's rating: who, in which role, when, what and why. */
export interface RatingDecision {
  position: number;
  at: string;
  event: string;
  /** 実績の提出, 評価の入力, 承認, 差戻し, 評価の調整, 公表後の訂正, … */
  what: string;
  role: string;
  /** The office that acted (the section, the council, the planning office). */
  office: string;
  /** The signed-in account: staff only (the public gets offices, not people). */
  actor?: string;
  rating?: Rating;
  /** The rating before an adjustment. */
  from?: Rating | null;
  actual?: string;
  /** The reason or comment given with it (a return's comments, an adjustment's or correction's reason). */
  reason?: string;
  /** The council's decision, where this is one. */
  decision?: 'approved' | 'returned' | 'adjusted';
}

export interface Offices {
  /** The item's section, as printed (部 課). */
  section: string;
  council: string;
  planningOffice: string;
}

const WHAT: Record<string, string> = {
  ActualSubmitted: '実績の提出',
  ItemRated: '評価の入力',
  SubmissionWithdrawn: '提出の取下げ',
  SubmissionApproved: '承認',
  SubmissionReturned: '差戻し',
  RatingAdjusted: '評価の調整',
  EvaluationCorrected: '公表後の訂正',
  EvaluationImported: '取込み',
  EvaluationImportReverted: '取込みの取消し',
};

/**
 * An item's decisions from its own stream, oldest first. Drafts are left out: a draft decides
 * nothing and may hold half-written text the section never submitted.
 */
export function ratingDecisions(
  events: readonly RecordedEvent[],
  audience: Audience,
  offices: Offices,
): RatingDecision[] {
  return events
    .filter((event) => WHAT[event.type] !== undefined)
    .map((event) => {
      const data = event.data as Record<string, unknown>;
      const role = event.metadata.role;
      const decision: RatingDecision = {
        position: event.position,
        at: event.metadata.recordedAt,
        event: event.type,
        what: WHAT[event.type],
        role,
        office:
          role === 'section_staff'
            ? offices.section
            : role === 'council_member'
              ? offices.council
              : offices.planningOffice,
        ...(audience === 'staff' ? { actor: event.metadata.actor } : {}),
      };
      const rating = (data.rating ?? data.to) as Rating | undefined;
      if (rating) decision.rating = rating;
      if (event.type === 'RatingAdjusted') decision.from = data.from as Rating | null;
      const actual = data.actual as { kind: string; text?: string; value?: { text: string } } | undefined;
      if (actual) decision.actual = actual.text ?? actual.value?.text;
      const reason = data.reason ?? data.comments ?? data.comment;
      if (typeof reason === 'string' && reason) decision.reason = reason;
      if (event.type === 'SubmissionApproved') decision.decision = 'approved';
      if (event.type === 'SubmissionReturned') decision.decision = 'returned';
      if (event.type === 'RatingAdjusted') decision.decision = 'adjusted';
      return decision;
    });
}
