-- Which recommendation the circle chose when it assigned, why not the top one, and the circle the
-- assignee comes from (another circle of the same board is a cross-circle hand-off).

ALTER TABLE sa_request
    ADD COLUMN recommendation_rank INT CHECK (recommendation_rank >= 1),
    ADD COLUMN rank_reason TEXT,
    ADD COLUMN assignee_circle_id UUID REFERENCES circle (id);
