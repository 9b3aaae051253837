/**
 * The message catalogue, split by area: content problems (content.ts), spreadsheet import
 * (import.ts) and what the clerk tools print (tools.ts). Rules emit data — a code and its typed
 * parameters (`ContentFinding`, `ImportFindingData`, `toolText(code, params)`); the formatter renders
 * them here. A code without a message, or with wrong or missing parameters, does not compile.
 */
import { CONTENT_MESSAGES } from './content.ts';
import { renderWith, type CodeWithParams, type Message, type ParamsOf, type ToolText } from './define.ts';
import { IMPORT_MESSAGES } from './import.ts';
import { TOOL_MESSAGES } from './tools.ts';

export { CONTENT_MESSAGES, IMPORT_MESSAGES, TOOL_MESSAGES };
export { PLACEHOLDER_FIELD_ZH } from './tools.ts';
export { OVERDUE_WHAT, type OverdueKind, type SignoffRole } from './content.ts';
export type { Message, Param, ToolText } from './define.ts';

/** The content catalogue under its old name (test/unit/invalid-fixtures.test.ts reads it). */
export const MESSAGES = CONTENT_MESSAGES;

/** A content problem's code and its parameters, as a rule emits them. */
export type ContentMessage = CodeWithParams<typeof CONTENT_MESSAGES>;
export type ContentCode = ContentMessage['code'];
/** The parameters of one content code. */
export type ContentParams<C extends ContentCode> = Extract<ContentMessage, { code: C }>['params'];
/** A spreadsheet import finding's code and its parameters. */
export type ImportMessage = CodeWithParams<typeof IMPORT_MESSAGES>;
export type ToolCode = keyof typeof TOOL_MESSAGES;

/**
 * Renders a content problem. The code is typed where problems are made (src/lib/finding.ts,
 * src/check/model.ts); here it may also come from untyped data (the check cache, tests), so an
 * unknown code is a programming error and says so.
 */
export function renderMessage(code: string, params: object = {}): Message {
  return renderWith(CONTENT_MESSAGES, '', code, params);
}

/** Renders an import finding; an unknown code is a programming error. */
export function renderImportMessage(code: string, params: object = {}): Message {
  return renderWith(IMPORT_MESSAGES, 'import ', code, params);
}

type ToolArgs<C extends ToolCode> = ParamsOf<typeof TOOL_MESSAGES, C> extends undefined ? [] : [params: ParamsOf<typeof TOOL_MESSAGES, C>];

/** Renders a tool text from its code and typed parameters. */
export function renderToolText<C extends ToolCode>(code: C, ...params: ToolArgs<C>): ToolText {
  return renderWith(TOOL_MESSAGES, 'tool ', code, params[0] as object | undefined);
}

/** A tool text as two lines: Chinese, then English. */
export function toolText<C extends ToolCode>(code: C, ...params: ToolArgs<C>): string {
  const m = renderToolText(code, ...params);
  return `${m.zh}\n${m.en}`;
}
