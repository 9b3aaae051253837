/**
 * Review sign-off: drafted, reviewed by the supervision committee, then published. The reviewer
 * is not the preparer nor the responsible person, sits on the supervision committee, and reviews
 * on or before the publication date; where a review is required (村务, 财务) the preparer and the
 * responsible person do not sit on it. Names are compared as people (./person-name.ts): 刘 志强 and
 * 刘志强（主任） are 刘志强.
 */
import type { Finding } from './finding.ts';
import { isAmongPeople, isSamePerson } from './person-name.ts';

export interface SignoffLike {
  responsible: string;
  preparer: string;
  reviewer?: string | undefined;
  reviewedAt?: string | undefined;
  opinion?: string | undefined;
}

export function checkSignoff(
  s: SignoffLike,
  ctx: { publishedAt: string; reviewRequired: boolean; supervisors: readonly string[]; committee: readonly string[] },
): Finding[] {
  const out: Finding[] = [];
  const base = ['signoff'];
  if (!s.reviewer) {
    if (ctx.reviewRequired) out.push({ code: 'signoff.reviewer-missing', path: [...base, 'reviewer'] });
  } else {
    if (isSamePerson(s.reviewer, s.preparer))
      out.push({ code: 'signoff.same-person', path: [...base, 'reviewer'], params: { name: s.reviewer, role: 'reviewer', otherRole: 'preparer' } });
    if (isSamePerson(s.reviewer, s.responsible))
      out.push({ code: 'signoff.same-person', path: [...base, 'reviewer'], params: { name: s.reviewer, role: 'reviewer', otherRole: 'responsible' } });
    if (!isAmongPeople(s.reviewer, ctx.supervisors))
      out.push({ code: 'signoff.not-supervisor', path: [...base, 'reviewer'], params: { name: s.reviewer, supervisors: ctx.supervisors.join('、') } });
    if (isAmongPeople(s.reviewer, ctx.committee))
      out.push({ code: 'signoff.reviewer-on-committee', path: [...base, 'reviewer'], params: { name: s.reviewer } });
    if (!s.reviewedAt) out.push({ code: 'signoff.date-missing', path: [...base, 'reviewedAt'] });
    else if (s.reviewedAt > ctx.publishedAt)
      out.push({ code: 'signoff.review-after-publish', path: [...base, 'reviewedAt'], params: { reviewedAt: s.reviewedAt, publishedAt: ctx.publishedAt } });
    if (!s.opinion) out.push({ code: 'signoff.opinion-missing', path: [...base, 'opinion'] });
    else if (s.opinion === '不同意') out.push({ code: 'signoff.rejected', path: [...base, 'opinion'] });
  }
  // Those who keep the accounts or run village affairs do not sit on the committee that supervises them (组织法 §32;
  // 山东条例 §14, 上海办法 §25, 浙江办法 §30: 财会人员/报账员; 集体经济组织法 §32: 财务人员 not 监事). The reviewer
  // written as preparer or responsible is reported once, above, as the same person. 党务 is the party branch's own
  // disclosure: its 组织委员 may chair the supervision committee (2017 意见 [S]) and prepare it.
  for (const role of ctx.reviewRequired ? (['preparer', 'responsible'] as const) : []) {
    const name = s[role];
    if (isAmongPeople(name, ctx.supervisors) && !(s.reviewer !== undefined && isSamePerson(name, s.reviewer)))
      out.push({ code: 'signoff.supervisor-in-role', path: [...base, role], params: { name, role } });
  }
  if (isSamePerson(s.preparer, s.responsible))
    out.push({ code: 'signoff.same-person', path: [...base, 'preparer'], params: { name: s.preparer, role: 'preparer', otherRole: 'responsible' } });
  return out;
}
