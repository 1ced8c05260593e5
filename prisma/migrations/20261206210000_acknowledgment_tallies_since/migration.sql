-- The city's board without per-person work (issue 18, docs/decisions/018): the tallies also keep the
-- date people joined their department, so "open after the due date" (only those who joined since can
-- still be within their own days) is a sum over the tallies rather than a probe per person and document.

-- AlterTable (rebuilt below from what exists)
TRUNCATE "acknowledgment_tallies";
ALTER TABLE "acknowledgment_tallies" DROP CONSTRAINT "acknowledgment_tallies_pkey";
ALTER TABLE "acknowledgment_tallies" ADD COLUMN "department_since" DATE NOT NULL;
ALTER TABLE "acknowledgment_tallies" ADD CONSTRAINT "acknowledgment_tallies_pkey" PRIMARY KEY ("document_id", "department_id", "department_since", "effective_date");

CREATE OR REPLACE FUNCTION "acknowledgments_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moves AS (
    SELECT n.document_id, u.department_id, u.department_since,
           (SELECT max(a.effective_date) FROM acknowledgments a WHERE a.user_id = n.user_id AND a.document_id = n.document_id AND a.effective_date < n.eff) AS prev
    FROM (SELECT user_id, document_id, max(effective_date) AS eff FROM inserted GROUP BY 1, 2) n
    JOIN users u ON u.id = n.user_id AND u.status = 'ACTIVE' AND u.department_id IS NOT NULL
    WHERE NOT EXISTS (SELECT 1 FROM acknowledgments a WHERE a.user_id = n.user_id AND a.document_id = n.document_id AND a.effective_date > n.eff))
  UPDATE acknowledgment_tallies t SET people = t.people - m.n
  FROM (SELECT document_id, department_id, department_since, prev, count(*)::int AS n FROM moves WHERE prev IS NOT NULL GROUP BY 1, 2, 3, 4) m
  WHERE t.document_id = m.document_id AND t.department_id = m.department_id AND t.department_since = m.department_since AND t.effective_date = m.prev;

  INSERT INTO acknowledgment_tallies (document_id, department_id, department_since, effective_date, people)
  SELECT n.document_id, u.department_id, u.department_since, n.eff, count(*)::int
  FROM (SELECT user_id, document_id, max(effective_date) AS eff FROM inserted GROUP BY 1, 2) n
  JOIN users u ON u.id = n.user_id AND u.status = 'ACTIVE' AND u.department_id IS NOT NULL
  WHERE NOT EXISTS (SELECT 1 FROM acknowledgments a WHERE a.user_id = n.user_id AND a.document_id = n.document_id AND a.effective_date > n.eff)
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (document_id, department_id, department_since, effective_date) DO UPDATE SET people = acknowledgment_tallies.people + EXCLUDED.people;

  INSERT INTO acknowledgment_daily (day, document_id, effective_date, root_unit_id, count)
  SELECT (i.acknowledged_at AT TIME ZONE 'Asia/Tokyo')::date, i.document_id, i.effective_date, r.root, count(*)::int
  FROM inserted i CROSS JOIN LATERAL (SELECT department_root(i.department_id) AS root) r
  WHERE r.root IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT (document_id, effective_date, root_unit_id, day) DO UPDATE SET count = acknowledgment_daily.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;

-- A person moved, disabled, enabled or given another date of joining: their latest acknowledgments
-- leave the old (department, date) tallies and join the new ones.
CREATE OR REPLACE FUNCTION "users_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE acknowledgment_tallies t SET people = t.people - x.n
  FROM (SELECT document_id, department_id, department_since, eff, count(*)::int AS n FROM (
          SELECT a.document_id, o.department_id, o.department_since, max(a.effective_date) AS eff
          FROM old_users o JOIN new_users nu ON nu.id = o.id JOIN acknowledgments a ON a.user_id = o.id
          WHERE o.status = 'ACTIVE' AND o.department_id IS NOT NULL
            AND (nu.department_id IS DISTINCT FROM o.department_id OR nu.status <> o.status OR nu.department_since <> o.department_since)
          GROUP BY a.document_id, o.department_id, o.department_since, o.id) l GROUP BY 1, 2, 3, 4) x
  WHERE t.document_id = x.document_id AND t.department_id = x.department_id AND t.department_since = x.department_since AND t.effective_date = x.eff;
  INSERT INTO acknowledgment_tallies (document_id, department_id, department_since, effective_date, people)
  SELECT document_id, department_id, department_since, eff, count(*)::int FROM (
    SELECT a.document_id, nu.department_id, nu.department_since, max(a.effective_date) AS eff
    FROM new_users nu JOIN old_users o ON o.id = nu.id JOIN acknowledgments a ON a.user_id = nu.id
    WHERE nu.status = 'ACTIVE' AND nu.department_id IS NOT NULL
      AND (nu.department_id IS DISTINCT FROM o.department_id OR nu.status <> o.status OR nu.department_since <> o.department_since)
    GROUP BY a.document_id, nu.department_id, nu.department_since, nu.id) l
  GROUP BY 1, 2, 3, 4
  ON CONFLICT (document_id, department_id, department_since, effective_date) DO UPDATE SET people = acknowledgment_tallies.people + EXCLUDED.people;
  RETURN NULL;
END;
$$;

-- What already exists.
INSERT INTO acknowledgment_tallies (document_id, department_id, department_since, effective_date, people)
SELECT l.document_id, u.department_id, u.department_since, l.eff, count(*)::int
FROM (SELECT user_id, document_id, max(effective_date) AS eff FROM acknowledgments GROUP BY 1, 2) l
JOIN users u ON u.id = l.user_id AND u.status = 'ACTIVE' AND u.department_id IS NOT NULL
GROUP BY 1, 2, 3, 4;
