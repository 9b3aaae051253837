/**
 * Prints problems for a clerk: grouped by file, each with the field, what is wrong, what was
 * expected and how to fix it, in Chinese with the English beside it.
 */
import { renderMessage, renderToolText, type Message } from './messages/index.ts';
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

/** One problem as a block of lines. */
export function formatProblem(p: Problem): string {
  return formatMessageBlock(p.severity, `字段 field: ${p.path || '（整个文件 whole file）'}`, renderMessage(p.code, p.params));
}

/** All problems grouped by file, then a summary line. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const blocks = [...byFile.entries()].map(([file, list]) => [`📄 ${file}`, ...list.map(formatProblem)].join('\n'));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const total = errors > 0 ? renderToolText('check.failed', { errors, warnings }) : renderToolText('check.passed', { warnings });
  blocks.push(`${total.zh} ${total.en}`);
  return blocks.join('\n\n');
}
