import { describe, expect, it } from 'vitest';
import { markdownToBlocks } from '../../src/lib/plain-text.ts';

describe('record bodies printed on paper', () => {
  it('keeps the words of a Markdown body and drops the marks', () => {
    const blocks = markdownToBlocks(
      '## 工程进展\n\n工程于8月上旬开工，**路基**已完成，\n混凝土面层完成约八成。详见[财务公开](/v/maqu/finances/2025-q3/)。\n\n- 一组\n- 二组\n',
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: '工程进展' },
      { kind: 'paragraph', text: '工程于8月上旬开工，路基已完成，混凝土面层完成约八成。详见财务公开。' },
      { kind: 'paragraph', text: '· 一组' },
      { kind: 'paragraph', text: '· 二组' },
    ]);
  });

  it('replaces a web-only MDX component with a pointer to the web page instead of dropping it silently', () => {
    const blocks = markdownToBlocks('import Chart from \'../../components/Chart.astro\';\n\n收支情况如下：\n\n<Chart period="2025-q3" />\n');
    expect(blocks.map((b) => b.text)).toEqual(['收支情况如下：', '（此处图表请扫码在网页查看）']);
  });
});
