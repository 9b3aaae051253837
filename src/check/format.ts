/**
 * Prints problems for a clerk: grouped by file, each with the field, what is wrong, what was
 * expected and how to fix it, in Chinese with the English beside it.
 */
import { renderMessage } from './messages/index.ts';
import type { Problem } from './model.ts';

/** One problem as a block of lines. */
export function formatProblem(p: Problem): string {
  const m = renderMessage(p.code, p.params);
  const mark = p.severity === 'error' ? '✗ 错误 error' : '! 提醒 warning';
  const lines = [`  ${mark}  字段 field: ${p.path || '（整个文件 whole file）'}`, `    问题：${m.zh}`, `    Problem: ${m.en}`];
  if (m.expectedZh) lines.push(`    应为：${m.expectedZh}`, `    Expected: ${m.expectedEn ?? ''}`);
  lines.push(`    修改：${m.fixZh}`, `    Fix: ${m.fixEn}`);
  return lines.join('\n');
}

/** All problems grouped by file, then a summary line. */
export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const blocks = [...byFile.entries()].map(([file, list]) => [`📄 ${file}`, ...list.map(formatProblem)].join('\n'));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  blocks.push(
    errors > 0
      ? `共 ${errors} 个错误、${warnings} 个提醒，请逐条修改后重新检查。 ${errors} error(s), ${warnings} warning(s): fix each and check again.`
      : `检查通过${warnings ? `（${warnings} 个提醒）` : ''}。 Content OK${warnings ? ` (${warnings} warning(s))` : ''}.`,
  );
  return blocks.join('\n\n');
}
