/**
 * Quorum against the register (村民委员会组织法 §22, §26; 农村集体经济组织法 §27–28): who is entitled
 * to attend a body is fixed by the village register in force on the meeting date, not by the number the
 * clerk types. Pure: the village's figures and the meeting come in.
 */
import { getBodyRule, type RegisterField } from '../law/bodies.ts';
import type { Finding } from './finding.ts';

export type RegisterFigures = { [K in RegisterField]?: number | undefined };

export interface RegisterLike extends RegisterFigures {
  /** Earlier figures, each valid until (not including) `until`. */
  registerHistory?: readonly ({ until: string } & RegisterFigures)[];
}

/** The figure in force on `date`: the earliest earlier entry still valid then that gives it, else the current one. */
export function getRegisterFigure(v: RegisterLike, field: RegisterField, date: string): number | undefined {
  const earlier = (v.registerHistory ?? []).filter((e) => e.until > date && e[field] !== undefined).sort((a, b) => a.until.localeCompare(b.until))[0];
  return earlier ? earlier[field] : v[field];
}

export interface MeetingAttendance {
  body: string;
  date: string;
  eligible: number;
  households?: { eligible: number } | undefined;
}

/** `eligible` (and `households.eligible`) against the register on the meeting date; 0 entitled is never a quorum. */
export function checkEligibleAgainstRegister(m: MeetingAttendance, v: RegisterLike): Finding[] {
  const rule = getBodyRule(m.body);
  if (!rule || rule.quorum.length === 0) return [];
  const out: Finding[] = [];
  if (m.eligible === 0)
    out.push({
      code: 'meeting.eligible-zero',
      path: ['eligible'],
      params: { body: m.body },
    });
  if (m.households?.eligible === 0)
    out.push({
      code: 'meeting.eligible-zero',
      path: ['households', 'eligible'],
      params: { body: m.body },
    });
  const reg = rule.register;
  if (!reg) return out;
  const check = (field: RegisterField, eligible: number, path: readonly (string | number)[]) => {
    const register = getRegisterFigure(v, field, m.date);
    if (register === undefined)
      out.push({
        code: 'meeting.register-missing',
        path,
        params: { body: m.body, field },
      });
    else if (register !== eligible && eligible !== 0)
      out.push({
        code: 'meeting.eligible-register',
        path,
        params: { body: m.body, field, eligible, register, date: m.date },
      });
  };
  check(reg.persons, m.eligible, ['eligible']);
  if (reg.households && m.households) check(reg.households, m.households.eligible, ['households', 'eligible']);
  return out;
}
