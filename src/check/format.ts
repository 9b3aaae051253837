/**
 * Prints problems for a clerk: grouped by file, each with the field and its line, what is wrong, what
 * was expected and how to fix it, in Chinese with the English beside it. The 〔待填〕 placeholders a
 * fresh `npm run new` leaves are listed one line each (file:line  字段（提示）), the fix said once.
 */
import { PLACEHOLDER } from '../lib/scaffold-marker.ts';
import { PLACEHOLDER_FIELD_ZH, renderMessage, renderToolText, type Message } from './messages/index.ts';
import type { Problem } from './model.ts';

/**
 * A rendered message under its mark and place (the field, or a spreadsheet row): problem, what was
 * expected and the fix, each in Chinese then English. Shared by npm run check and npm run import.
 */
export function formatMessageBlock(severity: 'error' | 'warning', where: string, m: Message): string {
  const mark = severity === 'error' ? '✗ 错误 error' : '! 提醒 warning';
  const lines = [`  ${mark}  ${where}`, `    问题：${m.zh}`, `    Problem: ${m.en}`];
  if (m.expectedZh) lines.push(`    应为：${m.expectedZh}`, `    Expected: ${m.expectedEn ?? ''}`);
  lines.push(`    修改：${m.fixZh}`, `    Fix: ${m.fixEn}`);
  return lines.join('\n');
}

/** One problem as a block of lines; the field is followed by its line in the file when it has one. */
export function formatProblem(p: Problem): string {
  const at = p.line === undefined ? undefined : renderToolText('check.line', { line: p.line });
  const where = `字段 field: ${p.path || '（整个文件 whole file）'}${at ? `（${at.zh} ${at.en}）` : ''}`;
  return formatMessageBlock(p.severity, where, renderMessage(p.code, p.params));
}

type Placeholder = Extract<Problem, { code: 'field.placeholder' }>;
const isPlaceholder = (p: Problem): p is Placeholder => p.code === 'field.placeholder';

/** One placeholder as one line: file:line, the field's Chinese name and the hint inside 〔待填：…〕. */
export function formatPlaceholder(p: Placeholder): string {
  const field = String(p.params.field);
  const label = PLACEHOLDER_FIELD_ZH[field] ?? field;
  const value = String(p.params.value);
  const inner = value.startsWith(PLACEHOLDER)
    ? value
        .slice(PLACEHOLDER.length)
        .replace(/^[：:]\s*/, '')
        .replace(/〕.*$/s, '')
    : value;
  // 审核日期（YYYY-MM-DD）, not 审核日期（审核日期 YYYY-MM-DD）.
  const hint = inner.startsWith(`${label} `) ? inner.slice(label.length + 1) : inner;
  // 科目, not 科目（科目）, when the hint is the field's name and nothing more.
  return `  ${p.file}${p.line === undefined ? '' : `:${p.line}`}  ${label}${hint && hint !== label ? `（${hint}）` : ''}`;
}

/** All problems grouped by file, then a summary line. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const blocks = [...byFile.entries()].map(([file, list]) => {
    const todo = list.filter(isPlaceholder).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const heading = todo.length > 0 ? renderToolText('check.todo-heading', { count: todo.length }) : undefined;
    const lines = heading ? [`  ✎ ${heading.zh} ${heading.en}`, ...todo.map(formatPlaceholder)] : [];
    return [`📄 ${file}`, ...lines, ...list.filter((p) => !isPlaceholder(p)).map(formatProblem)].join('\n');
  });
  const placeholders = problems.filter(isPlaceholder);
  if (placeholders.length > 0) {
    const todo = renderToolText('check.todo', { count: placeholders.length, files: new Set(placeholders.map((p) => p.file)).size });
    blocks.push(`${todo.zh}\n${todo.en}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const total = errors > 0 ? renderToolText('check.failed', { errors, warnings }) : renderToolText('check.passed', { warnings });
  blocks.push(`${total.zh} ${total.en}`);
  return blocks.join('\n\n');
}
