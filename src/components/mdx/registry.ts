/**
 * The only components a clerk may use in an .mdx narrative, and the props each accepts. Props are
 * always literal text in quotes (yuan="12,500.00"); the checker refuses anything else. This list
 * is data: the checker (src/check/body.ts), the render guard (src/integrations/content-guard.ts)
 * and the renderer map (./index.ts) all read it.
 */
export interface MdxPropSpec {
  /** text: any text; money: yuan as on the voucher (checked with parseFen); date: YYYY-MM-DD. */
  kind: 'text' | 'money' | 'date';
  required: boolean;
}

export interface MdxComponentSpec {
  name: string;
  zh: string;
  en: string;
  props: Readonly<Record<string, MdxPropSpec>>;
  /** Whether Markdown may be written between the opening and closing tag. */
  children: boolean;
  /** A correct use, shown in error messages and the clerks' guide. */
  example: string;
}

export const MDX_COMPONENTS: readonly MdxComponentSpec[] = [
  {
    name: 'Amount',
    zh: '醒目金额',
    en: 'highlighted amount',
    props: { yuan: { kind: 'money', required: true }, label: { kind: 'text', required: false } },
    children: false,
    example: '<Amount label="工程进度款" yuan="168,000.00" />',
  },
  {
    name: 'Signature',
    zh: '签字栏',
    en: 'signature line',
    props: { role: { kind: 'text', required: true }, name: { kind: 'text', required: true }, date: { kind: 'date', required: false } },
    children: false,
    example: '<Signature role="村务监督委员会主任" name="刘志强" date="2025-10-09" />',
  },
  {
    name: 'Table',
    zh: '带标题的表格',
    en: 'captioned table',
    props: { caption: { kind: 'text', required: true } },
    children: true,
    example: '<Table caption="工程款支付情况">（空一行后写 Markdown 表格，再空一行）</Table>',
  },
];
