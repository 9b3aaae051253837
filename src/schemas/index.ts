/** Every content schema, one module per content type. */
export { SiteSchema, type Site, type CatalogueItem } from './site.ts';
export { VillageSchema, type Village, type Member } from './village.ts';
export { DisclosureSchema, type Disclosure } from './disclosure.ts';
export { LedgerSchema, type Ledger, type LedgerEntry, type ExpenseEntry } from './ledger.ts';
export { MeetingSchema, type Meeting } from './meeting.ts';
export { NoticeSchema, type Notice, type NoticeSubject } from './notice.ts';
export { VolunteerPeriodSchema, type VolunteerPeriod } from './volunteer.ts';
export { SignoffSchema, type Signoff } from './signoff.ts';
