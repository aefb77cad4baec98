-- The day an article is placed at for date filters: the day it was published
-- (feeds), else the day it was first received (cards carry no date).
ALTER TABLE articles ADD COLUMN day TEXT;
UPDATE articles SET day = CASE
    WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(published_at, 1, 10)
    ELSE substr(created_at, 1, 10) END;
CREATE INDEX articles_by_day ON articles(day);
