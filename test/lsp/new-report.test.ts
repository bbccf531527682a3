import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../server/src/engine/lint';
import { newReportMarkdown } from '../../server/src/lsp/new-report';
import { ServerCommand } from '../../server/src/protocol';
import { startServer, type Session } from './client';

describe('"New annual report from the 2021 template"', () => {
  it('opens with every section and table read, the sums holding, and only the placeholders to fill in flagged', () => {
    const r = lint(newReportMarkdown(2025));
    expect(r.report.profile).toBe('2021');
    expect(r.report.sections.map((s) => s.key)).toEqual(['overview', 'proactive', 'requests', 'review', 'problems', 'other']);
    expect(r.report.tables.requests.rows).toHaveLength(25);
    expect(r.report.tables.review.rows).toHaveLength(1);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['section-empty', 'section-empty', 'section-empty', 'fee-statement']);
  });

  describe('over the protocol (the client asks the server for the text)', () => {
    let s: Session;
    beforeAll(async () => {
      s = await startServer();
    });
    afterAll(async () => {
      await s?.close();
    });

    it('answers ServerCommand.newReport with the text for the year', async () => {
      const text = await s.conn.sendRequest('workspace/executeCommand', { command: ServerCommand.newReport, arguments: [2025] });
      expect(text).toBe(newReportMarkdown(2025));
    });
  });
});
