-- What the partnerships administer in the app (people, panels, schools' key facts, vote settings, the County's
-- contacts): one document per key, each with the version the next write must be based on.
CREATE TABLE settings (
  key text PRIMARY KEY CHECK (key IN ('administrators', 'county', 'partnership:HBEP', 'partnership:LIP',
    'partnership:MSCIP', 'partnership:NWLLIP', 'partnership:SLIP')),
  value jsonb NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Every change to the settings: who, when, and each document before and after. One entry per change, however
-- many documents it touched (an import is one entry).
CREATE TABLE settings_history (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_name text,
  kind text NOT NULL CHECK (kind IN ('seed', 'edit', 'import')),
  changes jsonb NOT NULL
);
CREATE INDEX settings_history_by_time ON settings_history (at DESC, id DESC);

CREATE FUNCTION settings_history_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'settings_history is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER settings_history_append_only BEFORE UPDATE OR DELETE ON settings_history
  FOR EACH ROW EXECUTE FUNCTION settings_history_append_only();
