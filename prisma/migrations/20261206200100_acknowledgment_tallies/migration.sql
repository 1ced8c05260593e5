-- The dashboards' counts at 5,000 staff × 200 documents (issue 18, docs/decisions/018): per department,
-- document and revision, how many active people have it as their latest acknowledgment; and per day,
-- document, revision and 部, how many acknowledged. Kept by statement-level triggers, so bulk inserts
-- and every code path keep them right; rebuilt here from what exists.

-- CreateTable
CREATE TABLE "acknowledgment_tallies" (
    "document_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,
    "effective_date" DATE NOT NULL,
    "people" INTEGER NOT NULL,

    CONSTRAINT "acknowledgment_tallies_pkey" PRIMARY KEY ("document_id","department_id","effective_date")
);

-- CreateTable
CREATE TABLE "acknowledgment_daily" (
    "day" DATE NOT NULL,
    "document_id" UUID NOT NULL,
    "effective_date" DATE NOT NULL,
    "root_unit_id" UUID NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "acknowledgment_daily_pkey" PRIMARY KEY ("document_id","effective_date","root_unit_id","day")
);

-- The 部 at the top of every department.
CREATE FUNCTION "department_root"(dept UUID) RETURNS UUID LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up(id, parent_id) AS (
    SELECT id, parent_id FROM departments WHERE id = dept
    UNION ALL
    SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)
  SELECT id FROM up WHERE parent_id IS NULL LIMIT 1
$$;

-- One person's new acknowledgment moves them from their previous latest revision's tally to the new one's.
-- (Several acknowledgments of one person and document in one statement count as their newest only.)
CREATE FUNCTION "acknowledgments_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH moves AS (
    SELECT n.document_id, u.department_id,
           (SELECT max(a.effective_date) FROM acknowledgments a WHERE a.user_id = n.user_id AND a.document_id = n.document_id AND a.effective_date < n.eff) AS prev
    FROM (SELECT user_id, document_id, max(effective_date) AS eff FROM inserted GROUP BY 1, 2) n
    JOIN users u ON u.id = n.user_id AND u.status = 'ACTIVE' AND u.department_id IS NOT NULL
    WHERE NOT EXISTS (SELECT 1 FROM acknowledgments a WHERE a.user_id = n.user_id AND a.document_id = n.document_id AND a.effective_date > n.eff))
  UPDATE acknowledgment_tallies t SET people = t.people - m.n
  FROM (SELECT document_id, department_id, prev, count(*)::int AS n FROM moves WHERE prev IS NOT NULL GROUP BY 1, 2, 3) m
  WHERE t.document_id = m.document_id AND t.department_id = m.department_id AND t.effective_date = m.prev;

  INSERT INTO acknowledgment_tallies (document_id, department_id, effective_date, people)
  SELECT n.document_id, u.department_id, n.eff, count(*)::int
  FROM (SELECT user_id, document_id, max(effective_date) AS eff FROM inserted GROUP BY 1, 2) n
  JOIN users u ON u.id = n.user_id AND u.status = 'ACTIVE' AND u.department_id IS NOT NULL
  WHERE NOT EXISTS (SELECT 1 FROM acknowledgments a WHERE a.user_id = n.user_id AND a.document_id = n.document_id AND a.effective_date > n.eff)
  GROUP BY 1, 2, 3
  ON CONFLICT (document_id, department_id, effective_date) DO UPDATE SET people = acknowledgment_tallies.people + EXCLUDED.people;

  INSERT INTO acknowledgment_daily (day, document_id, effective_date, root_unit_id, count)
  SELECT (i.acknowledged_at AT TIME ZONE 'Asia/Tokyo')::date, i.document_id, i.effective_date, r.root, count(*)::int
  FROM inserted i CROSS JOIN LATERAL (SELECT department_root(i.department_id) AS root) r
  WHERE r.root IS NOT NULL GROUP BY 1, 2, 3, 4
  ON CONFLICT (document_id, effective_date, root_unit_id, day) DO UPDATE SET count = acknowledgment_daily.count + EXCLUDED.count;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "acknowledgments_tally" AFTER INSERT ON "acknowledgments"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "acknowledgments_tally"();

-- A person moved, disabled or enabled: their latest acknowledgments leave the old department's tallies and join the new one's.
CREATE FUNCTION "users_tally"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE acknowledgment_tallies t SET people = t.people - x.n
  FROM (SELECT document_id, department_id, eff, count(*)::int AS n FROM (
          SELECT a.document_id, o.department_id, max(a.effective_date) AS eff
          FROM old_users o JOIN new_users nu ON nu.id = o.id JOIN acknowledgments a ON a.user_id = o.id
          WHERE o.status = 'ACTIVE' AND o.department_id IS NOT NULL
            AND (nu.department_id IS DISTINCT FROM o.department_id OR nu.status <> o.status)
          GROUP BY a.document_id, o.department_id, o.id) l GROUP BY 1, 2, 3) x
  WHERE t.document_id = x.document_id AND t.department_id = x.department_id AND t.effective_date = x.eff;
  INSERT INTO acknowledgment_tallies (document_id, department_id, effective_date, people)
  SELECT document_id, department_id, eff, count(*)::int FROM (
    SELECT a.document_id, nu.department_id, max(a.effective_date) AS eff
    FROM new_users nu JOIN old_users o ON o.id = nu.id JOIN acknowledgments a ON a.user_id = nu.id
    WHERE nu.status = 'ACTIVE' AND nu.department_id IS NOT NULL
      AND (nu.department_id IS DISTINCT FROM o.department_id OR nu.status <> o.status)
    GROUP BY a.document_id, nu.department_id, nu.id) l
  GROUP BY 1, 2, 3
  ON CONFLICT (document_id, department_id, effective_date) DO UPDATE SET people = acknowledgment_tallies.people + EXCLUDED.people;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "users_tally" AFTER UPDATE ON "users"
  REFERENCING OLD TABLE AS old_users NEW TABLE AS new_users FOR EACH STATEMENT EXECUTE FUNCTION "users_tally"();

-- What already exists.
INSERT INTO acknowledgment_tallies (document_id, department_id, effective_date, people)
SELECT l.document_id, u.department_id, l.eff, count(*)::int
FROM (SELECT user_id, document_id, max(effective_date) AS eff FROM acknowledgments GROUP BY 1, 2) l
JOIN users u ON u.id = l.user_id AND u.status = 'ACTIVE' AND u.department_id IS NOT NULL
GROUP BY 1, 2, 3;
INSERT INTO acknowledgment_daily (day, document_id, effective_date, root_unit_id, count)
SELECT (acknowledged_at AT TIME ZONE 'Asia/Tokyo')::date, document_id, effective_date, department_root(department_id), count(*)::int
FROM acknowledgments WHERE department_root(department_id) IS NOT NULL GROUP BY 1, 2, 3, 4;
