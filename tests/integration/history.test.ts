import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { migrateDatabase } from '@/lib/server/db/migrate';
import { compareRevisions } from '@/lib/server/history/compare-revisions';
import { getRevisionHistory } from '@/lib/server/history/get-revision-history';
import { getRevisionPage } from '@/lib/server/history/get-revision-page';
import { seedDatabase } from '@/lib/server/seed/seed-database';
import { saveDraft } from '@/lib/server/workflow/save-draft';
import { startDraft } from '@/lib/server/workflow/start-draft';
import { getDraftEditor } from '@/lib/server/workflow/views';
import { signInAs } from '../support/as-user';

beforeAll(async () => {
  await migrateDatabase({ databaseUrl: process.env.DATABASE_URL! });
  await seedDatabase({ demoAccounts: true });
  await signInAs('demo-editor');
  await startDraft({ slug: 'sample-standard' });
  const editor = (await getDraftEditor('sample-standard'))!;
  await saveDraft({ slug: 'sample-standard', number: editor.number, baseVersion: editor.version, text: editor.text.replace('目的', '趣旨') });
});

describe('revision history', () => {
  it('readers see approved revisions only, in force and superseded; EDITOR/APPROVER/AUDITOR also see drafts', async () => {
    await signInAs('demo-staff');
    const staff = (await getRevisionHistory('sample-standard'))!;
    expect(staff.full).toBe(false);
    expect(staff.revisions.map((r) => [r.number, r.state])).toEqual([
      [2, 'in-force'],
      [1, 'superseded'],
    ]);
    expect(staff.revisions[1]!.supersededOn).toBe('2024-04-01');
    for (const who of ['demo-auditor', 'demo-approver', 'demo-editor']) {
      await signInAs(who);
      const full = (await getRevisionHistory('sample-standard'))!;
      expect(full.full).toBe(true);
      expect(full.revisions.map((r) => r.state)).toEqual(['draft', 'in-force', 'superseded']);
    }
  });

  it('drafts are never shown to STAFF, and a hidden revision answers like a missing one', async () => {
    await signInAs('demo-staff');
    expect(await getRevisionPage('sample-standard', 3)).toBeNull();
    expect(await getRevisionPage('sample-standard', 99)).toBeNull();
    expect(await compareRevisions('sample-standard', 2, 3)).toBeNull();
    await signInAs(null);
    expect(await getRevisionHistory('sample-standard')).toBeNull();
    expect(await getRevisionPage('sample-standard', 1)).toBeNull();
    expect(await getRevisionHistory('sample-safety-management-standard')).toBeNull();
    await signInAs('demo-staff-other');
    expect(await getRevisionHistory('sample-safety-management-standard')).toBeNull();
    expect(await compareRevisions('sample-safety-management-standard', 1, 1)).toBeNull();
  });

  it('each article carries its own 沿革, following renumbering', async () => {
    await signInAs('demo-staff');
    const page = (await getRevisionPage('sample-standard', 2))!;
    expect(page.revision.state).toBe('in-force');
    expect(page.previousNumber).toBe(1);
    expect(page.articleHistory['a19']).toEqual([{ date: '2024-04-01', label: '追加', revisionNumber: 2 }]);
    expect(page.articleHistory['a20']).toEqual([
      { date: '2021-04-01', label: '制定', revisionNumber: 1 },
      { date: '2024-04-01', label: '一部改正', revisionNumber: 2 },
    ]);
    expect(page.articleHistory['a1']).toEqual([{ date: '2021-04-01', label: '制定', revisionNumber: 1 }]);
  });

  it('compares two revisions: the inserted article, the renumbered one aligned with the changed characters underlined', async () => {
    await signInAs('demo-auditor');
    const view = (await compareRevisions('sample-standard', 1, 2))!;
    const inserted = view.comparison.rows.find((r) => r.after?.anchor === 'a19');
    expect(inserted?.kind).toBe('added');
    expect(inserted?.remarks).toContain('条の追加');
    const moved = view.comparison.rows.find((r) => r.after?.anchor === 'a20');
    expect(moved?.before?.anchor).toBe('a19');
    expect(moved?.remarks).toContain('条の繰下げ');
    const changed = moved!.after!.lines.flatMap((l) => l.spans).filter((s) => s.changed && !s.gap).map((s) => s.text);
    expect(changed.join('')).toBe('５');
    const events = await db().auditEvent.count({ where: { action: 'document.compare', actorLoginId: 'demo-auditor' } });
    expect(events).toBe(1);
  });
});
