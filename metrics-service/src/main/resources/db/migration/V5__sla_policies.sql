-- SLA targets per ticket priority, in calendar seconds (metrics.md defaults); operators change them in GraphQL.
CREATE TABLE metrics.sla_policies (
    priority                text PRIMARY KEY CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    first_response_seconds  integer     NOT NULL CHECK (first_response_seconds > 0),
    resolution_seconds      integer     NOT NULL CHECK (resolution_seconds > 0),
    updated_at              timestamptz NOT NULL DEFAULT now()
);

INSERT INTO metrics.sla_policies (priority, first_response_seconds, resolution_seconds) VALUES
    ('urgent', 3600, 14400),     -- 1 h / 4 h
    ('high', 14400, 86400),      -- 4 h / 24 h
    ('normal', 28800, 172800),   -- 8 h / 48 h
    ('low', 86400, 345600);      -- 24 h / 96 h
